import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/** Issue 10: share links stay short (the commands that built the World) and open the same drawing. */
test('a 20-container project shares as a link under 2,000 characters that opens the same drawing', async ({
  page,
  browser,
}) => {
  const app = new AppPage(page);
  await app.open();
  const lines = ['docker network create front', 'docker network create back --subnet 10.20.0.0/24'];
  for (let i = 0; i < 20; i++) lines.push(`docker run -d --name app${i} --network ${i % 2 ? 'front' : 'back'} nginx`);
  await app.seed(...lines);
  await page.getByTestId('tool-project').click();
  await page.getByTestId('project-share').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link.length).toBeLessThan(2000);
  expect(link).toContain('#c=');
  const mine = await page.evaluate(() =>
    (window as unknown as { __whalewire: { containers: () => unknown } }).__whalewire.containers(),
  );

  const other = await browser.newPage();
  const reader = new AppPage(other);
  await reader.open();
  await other.goto(link);
  await expect(reader.container('app19')).toBeVisible();
  await expect(other.getByTestId('notice')).toContainText('Opened the shared project');
  const theirs = await other.evaluate(() =>
    (window as unknown as { __whalewire: { containers: () => unknown } }).__whalewire.containers(),
  );
  expect(theirs).toEqual(mine);
  await other.close();
});

test('Project > Export docker script downloads a script that rebuilds the topology', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed(
    'docker network create front --subnet 10.9.0.0/24',
    'docker run -d --name web --network front --network-alias www -p 8080:80 nginx',
  );
  await page.getByTestId('tool-project').click();
  await expect(page.getByTestId('project-export-script')).toHaveText('Export docker script');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('project-export-script').click(),
  ]);
  expect(download.suggestedFilename()).toBe('whalewire-topology.sh');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('docker network create --driver bridge --subnet 10.9.0.0/24 --gateway 10.9.0.1 front\n');
  expect(text).toContain(
    'docker run -d --name web --network front --ip 10.9.0.2 --network-alias www -p 8080:80 nginx\n',
  );
});

test('Project > Export compose file and Export docker script download files that rebuild the topology', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed(
    'docker network create back --subnet 10.30.0.0/24 --internal',
    'docker run -d --name web -p 8080:80 nginx',
    'docker run -dit --name db --network back --network-alias database redis',
    'docker run -d --name edge --network host nginx',
  );
  await page.getByTestId('tool-project').click();
  const save = async (id: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  };
  await expect(page.getByTestId('project-export-compose')).toHaveText('Export compose file');
  const compose = await save('project-export-compose');
  expect(compose.name).toBe('compose.yaml');
  for (const line of [
    'name: whalewire',
    '  web:\n    image: nginx\n    container_name: web\n    network_mode: bridge\n    ports:\n      - 8080:80\n',
    '  db:\n    image: redis\n    container_name: db\n    networks:\n      back:\n        aliases:\n          - database\n        ipv4_address: 10.30.0.2\n',
    '  edge:\n    image: nginx\n    container_name: edge\n    network_mode: host\n',
    '  back:\n    name: back\n    driver: bridge\n    ipam:\n      config:\n        - subnet: 10.30.0.0/24\n          gateway: 10.30.0.1\n    internal: true\n',
  ])
    expect(compose.text).toContain(line);
  const script = await save('project-export-script');
  expect(script.name).toBe('whalewire-topology.sh');
  expect(script.text).toContain(
    'docker network create --driver bridge --subnet 10.30.0.0/24 --gateway 10.30.0.1 --internal back\n',
  );
  expect(script.text).toContain(
    'docker run -d -i -t --name db --network back --ip 10.30.0.2 --network-alias database redis\n',
  );
});
