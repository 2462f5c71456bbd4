import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test('nano /etc/docker/daemon.json with ipv6 and fixed-cidr-v6, restart docker: docker0 and new containers have IPv6', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  const last = () => app.consoleOutput.locator('pre').last();
  await app.type('sudo mkdir -p /etc/docker');
  await app.type('sudo nano /etc/docker/daemon.json');
  await expect(page.getByTestId('editor-text')).toBeFocused();
  // typed whole: where the editor closes a bracket or quote itself, typing the closer steps over it
  await page.keyboard.type('{"ipv6": true, "fixed-cidr-v6": "fd00:1::/64"}');
  await page.keyboard.press('Control+s');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await app.type('cat /etc/docker/daemon.json');
  await expect(last()).toHaveText('{"ipv6": true, "fixed-cidr-v6": "fd00:1::/64"}');
  await app.type('dockerd --validate');
  await expect(last()).toHaveText('configuration OK');
  await app.type('sudo systemctl restart docker');
  await app.type('ip -6 addr show docker0');
  await expect(last()).toContainText('inet6 fd00:1::1/64 scope global nodad');
  await app.type('docker run -dit --name web alpine');
  await app.type(
    "docker inspect web --format '{{.NetworkSettings.GlobalIPv6Address}} {{.NetworkSettings.IPv6Gateway}}'",
  );
  await expect(last()).toHaveText('fd00:1::2 fd00:1::1');

  // a file dockerd refuses leaves the daemon down, as systemd reports it
  await app.type(`echo '{"ipv6": "yes"}' > /etc/docker/daemon.json`);
  await app.type('sudo systemctl restart docker');
  await expect(last()).toContainText(
    'Job for docker.service failed because the control process exited with error code.',
  );
  await app.type('docker ps');
  await expect(last()).toHaveText(
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  );
});
