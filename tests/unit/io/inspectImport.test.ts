import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ImportInput, importInspect, MAX_IMPORT_CHARS, parseInspect } from '../../../src/io/inspectImport';
import { createSession, runLine } from '../../../src/sim/console';
import { importMachine } from '../../../src/sim/import';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

const fixture = (f: string) => readFileSync(new URL(`../../fixtures/inspect/${f}`, import.meta.url), 'utf8');
const run = (inputs: ImportInput[]) => importInspect(inputs, createDefaultWorld(), importMachine);
const paste = (text: string) => run([{ label: '', text }]);

function ok(r: ReturnType<typeof run>): { world: World; notes: { code: string; params: Record<string, string> }[] } {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.refusal)}`);
  return r;
}
const net = (w: World, name: string) =>
  Object.values(w.networks).find((n) => n.name === name && n.daemon === 'docker-host');
const ctr = (w: World, name: string) => Object.values(w.containers).find((c) => c.name === name)!;
const sh = (w: World, line: string) => runLine(createSession(w), line);

describe('import a real machine: docs standalone tutorial (network inspect only)', () => {
  const { world, notes } = ok(paste(fixture('docs-standalone-networks.txt')));

  it('rebuilds the networks with their ids, subnets, gateways and options', () => {
    const bridge = net(world, 'bridge')!;
    expect(bridge.id).toBe('17e324f459648a9baaea32b248d3884da102dde19396c25b30ec800068ce6b10');
    expect(bridge).toMatchObject({
      predefined: true,
      bridge: 'docker0',
      ipam: { subnet: '172.17.0.0/16', gateway: '172.17.0.1' },
    });
    expect(bridge.options['com.docker.network.driver.mtu']).toBe('1500');
    const alpine = net(world, 'alpine-net')!;
    expect(alpine).toMatchObject({
      id: 'e9261a8c9a19eabf2bf1488bf5f208b99b1608f330cff585c273d39481c9b0ec',
      bridge: 'br-e9261a8c9a19',
      predefined: false,
      userSubnet: true,
      ipam: { subnet: '172.18.0.0/16', gateway: '172.18.0.1' },
    });
    // Docker always has host and none: kept from the default World
    expect(net(world, 'host')?.driver).toBe('host');
    expect(net(world, 'none')?.driver).toBe('null');
  });

  it('rebuilds the containers with exact addresses and MACs; alpine4 is on both networks', () => {
    expect(
      Object.values(world.containers)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['alpine1', 'alpine2', 'alpine3', 'alpine4']);
    const a4 = ctr(world, 'alpine4');
    expect(a4.networkMode).toBe('alpine-net');
    expect(a4.endpoints.map((e) => [world.networks[e.networkId].name, e.ifname, e.ip, e.mac])).toEqual([
      ['alpine-net', 'eth0', '172.18.0.4', '02:42:ac:12:00:04'],
      ['bridge', 'eth1', '172.17.0.3', '02:42:ac:11:00:03'],
    ]);
    expect(a4.endpoints[0].endpointId).toBe('058bc6a5e9272b532ef9a6ea6d7f3db4c37527ae2625d1cd1421580fd0731954');
    expect(ctr(world, 'alpine3')).toMatchObject({ networkMode: 'bridge', state: 'running', image: 'unknown' });
    expect(
      notes
        .filter((n) => n.code === 'onlyNetwork')
        .map((n) => n.params.name)
        .sort(),
    ).toEqual(['alpine1', 'alpine2', 'alpine3', 'alpine4']);
  });

  it('the engine reads the imported World: inspect, ps, the host reaches the addresses', () => {
    const inspect = sh(
      world,
      'docker network inspect alpine-net --format "{{range .Containers}}{{.Name}} {{.IPv4Address}};{{end}}"',
    );
    expect(inspect.output).toContain('alpine1 172.18.0.2/16');
    expect(inspect.output).toContain('alpine4 172.18.0.4/16');
    expect(sh(world, 'docker ps --format "{{.Names}}"').output.split('\n').sort()).toEqual([
      'alpine1',
      'alpine2',
      'alpine3',
      'alpine4',
    ]);
    expect(sh(world, 'ping -c 1 172.18.0.3').output).toContain('1 received');
  });
});

describe('import a swarm node: docker_gwbridge, ingress and an overlay', () => {
  const { world, notes } = ok(paste(fixture('swarm-node-networks.txt')));
  it('keeps docker_gwbridge as a bridge and lists the overlays and sandboxes it cannot model', () => {
    expect(net(world, 'docker_gwbridge')).toMatchObject({
      bridge: 'docker_gwbridge',
      options: { 'com.docker.network.bridge.enable_icc': 'false' },
      ipam: { subnet: '172.18.0.0/16' },
    });
    expect(net(world, 'ingress')).toBeUndefined();
    const codes = notes.map((n) => `${n.code}:${n.params.name}`);
    expect(codes).toContain('overlay:red-overlay');
    expect(codes).toContain('overlay:ingress');
    expect(codes).toContain('sandbox:gateway_ingress-sbox');
    expect(codes).toContain('overlayPeer:my-web.2.yh8cxiw301exaw2n3x1w8rs3l');
    expect(Object.keys(world.containers)).toEqual([]);
  });
});

describe('import docker inspect alone: networks rebuilt from the endpoints; host and none modes', () => {
  const { world, notes } = ok(paste(fixture('real-machine-containers.json')));
  it('keeps the exact endpoint of a Docker 28 container and its network', () => {
    const nginx = ctr(world, 'nginx');
    expect(nginx.endpoints[0]).toMatchObject({
      ip: '172.17.0.2',
      mac: 'da:ea:cf:b6:d8:d4',
      endpointId: '479d7145bbab670e7d0e44393d4db19fa6e6722109613cf995e9cf98d39073e8',
    });
    expect(world.networks[nginx.endpoints[0].networkId]).toMatchObject({
      name: 'bridge',
      bridge: 'docker0',
      predefined: true,
    });
    expect(ctr(world, 'containerB').endpoints[0]).toMatchObject({ ip: '10.0.0.3', mac: '66:96:5c:8c:aa:f0' });
    expect(net(world, 'second-bridge')?.ipam).toEqual({ subnet: '10.0.0.0/24', gateway: '10.0.0.1' });
    expect(notes.map((n) => n.code)).toContain('fromEndpoint');
  });
  it('reachability follows the imported networks', () => {
    expect(sh(world, 'docker exec containerB ping -c 1 10.0.0.1').output).toContain('1 received');
    expect(sh(world, 'docker exec containerB ping -c 1 -W 1 172.17.0.2').output).toContain('0 received');
  });
  it('host and none mode containers have no endpoints', () => {
    expect(ctr(world, 'my_nginx')).toMatchObject({ networkMode: 'host', endpoints: [] });
    expect(ctr(world, 'offline')).toMatchObject({ networkMode: 'none', endpoints: [] });
    expect(sh(world, 'docker ps --format "{{.Names}} {{.Image}}"').output.split('\n').sort()).toEqual([
      'containerB devwikirepo/pingbuntu',
      'my_nginx nginx',
      'nginx nginx',
      'offline alpine',
    ]);
  });
  it('a container on two networks keeps both, its aliases (without its short id) and MACs', () => {
    const { world: w2 } = ok(paste(fixture('compose-two-networks-container.json')));
    const c = ctr(w2, 'fileshare-nginx-1');
    expect(c.endpoints.map((e) => [w2.networks[e.networkId].name, e.ip, e.mac, e.aliases.join(',')])).toEqual([
      ['fileshare_fileshare-intranet', '172.17.90.3', '02:42:ac:11:5a:03', 'nginx'],
      ['proxynet', '172.17.1.5', '02:42:ac:11:01:05', 'nginx'],
    ]);
  });
  it('both pastes at once (two files) give one World', () => {
    const both = ok(
      run([
        { label: 'networks.json', text: fixture('docs-standalone-networks.txt') },
        {
          label: 'containers.json',
          text: fixture('real-machine-containers.json').replace(/172\.17\.0\.2/g, '172.17.0.9'),
        },
      ]),
    );
    expect(Object.keys(both.world.containers)).toHaveLength(8);
  });
});

describe('refusals name the field and the reason; nothing is built', () => {
  const base = JSON.parse(fixture('real-machine-containers.json'));
  const refusal = (v: unknown) => {
    const r = paste(typeof v === 'string' ? v : JSON.stringify(v));
    if (r.ok) throw new Error('expected a refusal');
    return r.refusal;
  };
  it.each([
    ['not JSON', '{ nope', { at: '', code: 'notJson' }],
    ['not inspect output', '[{"hello": 1}]', { at: '[0]', code: 'notInspect' }],
    ['empty', '[]', { at: '', code: 'empty' }],
  ])('%s', (_, text, want) => expect(refusal(text)).toMatchObject(want));

  it('a missing field', () => {
    const bad = structuredClone(base);
    delete bad[0].Config.Image;
    expect(refusal(bad)).toEqual({ at: '[0].Config.Image', code: 'missing', params: {} });
  });
  it('an address outside its network', () => {
    const bad = structuredClone(base);
    bad[0].NetworkSettings.Networks.bridge.IPAddress = '10.9.9.9';
    const r = run([
      { label: '', text: fixture('docs-standalone-networks.txt') },
      { label: '', text: JSON.stringify(bad) },
    ]);
    expect(r.ok ? null : r.refusal).toMatchObject({
      at: '#2 [0].NetworkSettings.Networks.bridge.IPAddress',
      code: 'outside',
      params: { ip: '10.9.9.9', subnet: '172.17.0.0/16' },
    });
  });
  it('one address used twice on a network', () => {
    const nets = fixture('docs-standalone-networks.txt').replace('172.18.0.3/16', '172.18.0.2/16');
    expect(refusal(nets)).toMatchObject({ code: 'dupIp', params: { ip: '172.18.0.2', network: 'alpine-net' } });
  });
  it('a bad MAC and a bad id', () => {
    const bad = structuredClone(base);
    bad[0].NetworkSettings.Networks.bridge.MacAddress = 'zz:zz';
    expect(refusal(bad)).toMatchObject({ at: '[0].NetworkSettings.Networks.bridge.MacAddress', code: 'format' });
    const bad2 = structuredClone(base);
    bad2[0].Id = 'abc';
    expect(refusal(bad2)).toMatchObject({ at: '[0].Id', code: 'format' });
  });
  it('an import over the size limit', () => {
    const big = `[${' '.repeat(MAX_IMPORT_CHARS)}]`;
    expect(parseInspect([{ label: '', text: big }])).toMatchObject({ ok: false, refusal: { code: 'tooBig' } });
  });
  it('names the file of several', () => {
    const r = run([
      { label: 'a.json', text: fixture('docs-standalone-networks.txt') },
      { label: 'b.json', text: '[{"Name": "x"}]' },
    ]);
    expect(r.ok ? null : r.refusal.at).toBe('b.json [0]');
  });
  it('is pure: the same input gives the same World', () => {
    const a = ok(paste(fixture('docs-standalone-networks.txt'))).world;
    const b = ok(paste(fixture('docs-standalone-networks.txt'))).world;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('import an IPv6 network (EnableIPv6, an IPv6 IPAM.Config, GlobalIPv6Address)', () => {
  const made = createSession(createDefaultWorld());
  let s = made;
  for (const l of [
    'docker network create --ipv6 --subnet 10.7.0.0/24 --subnet fd00:7::/64 --gateway fd00:7::fe v6',
    'docker network create --ipv6=false --subnet fd00:8::/64 off',
    'docker run -d --name web --network v6 --ip6 fd00:7::20 nginx',
  ])
    s = runLine(s, l).session;
  const nets = runLine(s, 'docker network inspect v6 off').output;
  const ctrs = runLine(s, 'docker inspect web').output;
  const { world, notes } = ok(
    run([
      { label: 'networks', text: nets },
      { label: 'containers', text: ctrs },
    ]),
  );

  it('keeps the IPv6 subnet and gateway, on or off as inspect said', () => {
    expect(net(world, 'v6')).toMatchObject({
      enableIPv6: true,
      ipam6: { subnet: 'fd00:7::/64', gateway: 'fd00:7::fe' },
      userSubnet6: true,
    });
    expect(net(world, 'off')).toMatchObject({ enableIPv6: false, ipam6: { subnet: 'fd00:8::/64', gateway: '' } });
    expect(notes.filter((n) => n.code === 'ipv6' || n.code === 'extraSubnet')).toEqual([]);
  });

  it('the container keeps its IPv6 address and --ip6, and inspect prints them as before', () => {
    const web = ctr(world, 'web');
    expect([web.endpoints[0].ip6, web.endpoints[0].ipamIp6]).toEqual(['fd00:7::20', 'fd00:7::20']);
    const again = JSON.parse(sh(world, 'docker inspect web').output)[0].NetworkSettings.Networks.v6;
    const before = JSON.parse(ctrs)[0].NetworkSettings.Networks.v6;
    for (const k of ['GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'IPv6Gateway', 'IPAMConfig'])
      expect(again[k], k).toEqual(before[k]);
  });
});
