import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const usage = `\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information`;
const help = `\n\nRun 'docker run --help' for more information`;

// docker/cli v28.5.2 opts/network.go NetworkOpt.Set (the advanced `--network` syntax) and
// cli/command/container/opts.go parseNetworkOpts, applyContainerOptions, parseNetworkAttachmentOpt.
describe('docker run --network name=N,alias=…,ip=…,mac-address=…,driver-opt=…,gw-priority=…', () => {
  const nets = ['docker network create app --subnet 172.18.0.0/16', 'docker network create db --subnet 10.20.0.0/24'];

  it('gives each network its own endpoint settings', () => {
    const r = play([
      ...nets,
      'docker run -d --name a1 --network name=app,alias=web,ip=172.18.0.50,driver-opt=com.example.k=V --network "name=db,alias=store,ip=10.20.0.9,gw-priority=5,mac-address=02:42:0a:14:00:09" nginx',
      "docker inspect -f '{{json .NetworkSettings.Networks.app.Aliases}} {{.NetworkSettings.Networks.app.IPAddress}} {{json .NetworkSettings.Networks.app.DriverOpts}}' a1",
      "docker inspect -f '{{json .NetworkSettings.Networks.db.Aliases}} {{.NetworkSettings.Networks.db.IPAddress}} {{.NetworkSettings.Networks.db.GwPriority}} {{.NetworkSettings.Networks.db.MacAddress}}' a1",
      'docker run --rm --network name=app nicolaka/netshoot getent hosts web',
    ]);
    expect(r[2].exitCode).toBe(0);
    // the CLI lower-cases each field, values included (opts/network.go's TODO)
    expect(r[3].output).toBe('["web"] 172.18.0.50 {"com.example.k":"v"}');
    expect(r[4].output).toBe('["store"] 10.20.0.9 5 02:42:0a:14:00:09');
    expect(r[5].output).toMatch(/^172\.18\.0\.50\s+web$/);
  });

  it.each([
    ['name=app,foo=bar', 'invalid field key foo'],
    ['alias=x', 'network name/id is not specified'],
    ['name=app,gw-priority=x', 'invalid gw-priority (x): invalid syntax'],
    ['name=app,driver-opt=novalue', 'invalid key value pair format in driver options'],
  ])('NetworkOpt.Set refuses %s', (value, error) => {
    const r = play([...nets, `docker run -d --network ${value} nginx`]);
    expect(r[2].output).toBe(`invalid argument "${value}" for "--network" flag: ${error}${usage}`);
    expect(r[2].exitCode).toBe(125);
  });

  it.each([
    [
      '--network name=app,alias=x --network-alias y',
      'conflicting options: cannot specify both --network-alias and per-network alias',
    ],
    [
      '--network name=app,ip=172.18.0.9 --ip 172.18.0.8',
      'conflicting options: cannot specify both --ip and per-network IPv4 address',
    ],
    ['--network name=bridge,alias=x', 'network-scoped aliases are only supported for user-defined networks'],
    ['--network name=app,mac-address=zz', 'zz is not a valid mac address'],
  ])('parseNetworkOpts refuses %s', (flags, error) => {
    const r = play([...nets, `docker run -d ${flags} nginx`, 'docker ps -aq']);
    expect(r[2].output).toBe(`docker: ${error}${help}`);
    expect(r[2].exitCode).toBe(125);
    expect(r[3].output).toBe('');
  });

  it('a plain --network value is still a name', () => {
    const r = play([
      ...nets,
      'docker run -d --name a1 --network app nginx',
      "docker inspect -f '{{.HostConfig.NetworkMode}}' a1",
    ]);
    expect(r[3].output).toBe('app');
  });
});
