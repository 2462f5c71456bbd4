import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test('service update and rollback typed in the console: progress, task history, the image back', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  await app.type('docker swarm init');
  await expect(app.consoleOutput).toContainText('is now a manager.');
  await app.type('docker service create --name web --replicas 2 -p 8080:80 nginx');
  await expect(app.consoleOutput).toContainText('converged');
  await app.type('docker service update --image nginx:alpine web');
  await expect(app.consoleOutput).toContainText('verify: Service web converged');
  await app.type('docker service ps web');
  await expect(app.consoleOutput).toContainText('\\_ web.1');
  await expect(app.consoleOutput).toContainText('nginx:alpine');
  await app.type('docker service rollback web');
  await expect(app.consoleOutput).toContainText('rollback: manually requested rollback');
  await expect(app.consoleOutput).toContainText('rollback: rollback completed');
  await app.type("docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}' web");
  await expect(app.consoleOutput).toContainText("ContainerSpec.Image}}' webnginx:latest");
  await app.type('curl -s localhost:8080');
  await expect(app.consoleOutput).toContainText('Welcome to nginx!');
  expect(errors).toEqual([]);
});
