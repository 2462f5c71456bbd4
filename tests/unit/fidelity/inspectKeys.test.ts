import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const inspect = (lines: string[], ref: string) => {
  const r = play([...lines, `docker inspect ${ref}`]);
  return JSON.parse(r[r.length - 1].output)[0];
};

// moby v28.5.2 api/types/container/container.go (ContainerJSONBase, InspectResponse), hostconfig.go,
// config.go; daemon/daemon_unix.go, oci/defaults.go; api/types/network/network.go, ipam.go;
// docker/cli v28.5.2 cli/command/container/run.go (detach), opts.go, cli/command/network/create.go.
describe('docker inspect (container): every key Docker 28 prints, in its order', () => {
  const web = ['docker run -d --name web -p 8080:80 nginx'];

  it('top level: ContainerJSONBase, then Mounts, Config, NetworkSettings', () => {
    expect(Object.keys(inspect(web, 'web'))).toEqual([
      'Id',
      'Created',
      'Path',
      'Args',
      'State',
      'Image',
      'ResolvConfPath',
      'HostnamePath',
      'HostsPath',
      'LogPath',
      'Name',
      'RestartCount',
      'Driver',
      'Platform',
      'MountLabel',
      'ProcessLabel',
      'AppArmorProfile',
      'ExecIDs',
      'HostConfig',
      'GraphDriver',
      'Mounts',
      'Config',
      'NetworkSettings',
    ]);
  });

  it('the daemon’s files: set at the first start, empty for a container only created', () => {
    const c = inspect(web, 'web');
    expect(c.LogPath).toBe(`/var/lib/docker/containers/${c.Id}/${c.Id}-json.log`);
    expect(c.HostsPath).toBe(`/var/lib/docker/containers/${c.Id}/hosts`);
    const created = inspect(['docker create --name box nginx'], 'box');
    expect([created.ResolvConfPath, created.HostnamePath, created.HostsPath, created.LogPath]).toEqual([
      '',
      '',
      '',
      '',
    ]);
  });

  it('HostConfig: the struct’s keys in order with a v28 CLI container’s defaults', () => {
    const h = inspect(web, 'web').HostConfig;
    expect(Object.keys(h).slice(0, 12)).toEqual([
      'Binds',
      'ContainerIDFile',
      'LogConfig',
      'NetworkMode',
      'PortBindings',
      'RestartPolicy',
      'AutoRemove',
      'VolumeDriver',
      'VolumesFrom',
      'ConsoleSize',
      'CapAdd',
      'CapDrop',
    ]);
    expect(h).toMatchObject({
      LogConfig: { Type: 'json-file', Config: {} },
      CgroupnsMode: 'private',
      IpcMode: 'private',
      ShmSize: 67108864,
      Runtime: 'runc',
      BlkioWeightDevice: [],
      Devices: [],
      DeviceRequests: null,
      MemorySwappiness: null,
      OomKillDisable: null,
      PidsLimit: null,
      Ulimits: [],
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    });
    expect(h.MaskedPaths).toContain('/proc/interrupts');
    expect(h.ReadonlyPaths).toEqual(['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger']);
    expect(Object.keys(h).slice(-4)).toEqual(['IOMaximumIOps', 'IOMaximumBandwidth', 'MaskedPaths', 'ReadonlyPaths']);
  });

  it('GraphDriver (overlay2, its four directories) and Mounts', () => {
    const c = inspect(web, 'web');
    expect(c.GraphDriver.Name).toBe('overlay2');
    expect(Object.keys(c.GraphDriver.Data)).toEqual(['LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
    expect(c.GraphDriver.Data.MergedDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged$/);
    expect(c.Mounts).toEqual([]);
  });

  it('Config: OnBuild null, the image’s STOPSIGNAL (omitempty)', () => {
    const c = inspect(web, 'web').Config;
    expect(c.OnBuild).toBeNull();
    expect(c.StopSignal).toBe('SIGQUIT');
    const created = inspect(['docker create --name box redis'], 'box').Config;
    expect('StopSignal' in created).toBe(false);
  });

  it('templates from the docker inspect reference work', () => {
    const r = play([
      ...web,
      "docker inspect --format='{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web",
      "docker inspect --format='{{.LogPath}}' web",
      "docker inspect --format='{{.Config.Image}}' web",
      `docker inspect --format='{{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}' web`,
      "docker inspect --format='{{.HostConfig.RestartPolicy.Name}} {{.GraphDriver.Name}} {{.HostConfig.LogConfig.Type}}' web",
    ]);
    expect(r[1].output).toBe('172.17.0.2');
    expect(r[2].output).toMatch(/^\/var\/lib\/docker\/containers\/[0-9a-f]{64}\/[0-9a-f]{64}-json\.log$/);
    expect(r[3].output).toBe('nginx');
    expect(r[4].output).toBe('8080');
    expect(r[5].output).toBe('no overlay2 json-file');
  });
});

describe('docker network inspect', () => {
  it('IPAM.Options: {} for a network the CLI made, null for the daemon’s bridge', () => {
    const r = play([
      'docker network create appnet',
      'docker network inspect -f "{{json .IPAM.Options}}" appnet',
      'docker network inspect -f "{{json .IPAM.Options}}" bridge',
    ]);
    expect(r[1].output).toBe('{}');
    expect(r[2].output).toBe('null');
  });

  it('keys in the Inspect struct’s order', () => {
    const n = JSON.parse(play(['docker network create appnet', 'docker network inspect appnet'])[1].output)[0];
    expect(Object.keys(n)).toEqual([
      'Name',
      'Id',
      'Created',
      'Scope',
      'Driver',
      'EnableIPv4',
      'EnableIPv6',
      'IPAM',
      'Internal',
      'Attachable',
      'Ingress',
      'ConfigFrom',
      'ConfigOnly',
      'Containers',
      'Options',
      'Labels',
    ]);
  });
});
