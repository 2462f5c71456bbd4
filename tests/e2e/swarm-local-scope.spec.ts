import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test('network create --scope swarm -d macvlan --config-from on a manager, typed in the console: a swarm id, ls and inspect as Docker 28 prints them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  await app.type('docker swarm init');
  await expect(app.consoleOutput).toContainText('is now a manager.');
  await app.type(
    'docker network create --config-only --subnet 192.168.0.0/24 --gateway 192.168.0.1 -o parent=eth0 mv-cfg',
  );
  await app.type('docker network create -d macvlan --scope swarm --config-from mv-cfg swmv');
  await app.type('docker network ls --filter name=swmv --format "{{.Name}} {{.Driver}} {{.Scope}}"');
  await expect(app.consoleOutput).toContainText('swmv macvlan swarm');
  await app.type('docker network inspect -f "{{json .IPAM}} {{.ConfigFrom.Network}}" swmv');
  await expect(app.consoleOutput).toContainText('{"Driver":"","Options":null,"Config":[]} mv-cfg');
  await app.type('docker service create --name web --network swmv nginx');
  await expect(app.consoleOutput).toContainText(
    'whalewire: service tasks on swarm-scoped macvlan network swmv are not simulated; the service was not created',
  );
  await app.type('docker network rm swmv');
  await app.type('docker network inspect swmv');
  await expect(app.consoleOutput).toContainText('Error response from daemon: network swmv not found');
  expect(errors).toEqual([]);
});
