import { describe, expect, it } from 'vitest';
import { formatExplain } from '../../../src/i18n/trace';
import { parseProject, serializeProject } from '../../../src/io/project';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const brOf = (out: string, re: RegExp) => re.exec(out)?.[1] ?? 'none';

// moby v28.5.2 libnetwork/drivers/bridge/bridge_linux.go (fromLabels, newGwMode, parseNetworkOptions,
// processIPAM, Validate, Conflicts), labels.go; iptabler/network.go, endpoint.go, port.go and the
// TestIptabler_*__iptables.golden files (masq=false, gwm=routed, gwm=nat-unprotected)
describe('docker network create -o com.docker.network.bridge.*: options Docker refuses', () => {
  it('refuses bad values with the driver’s words, creates nothing', () => {
    const cases: [string, string][] = [
      [
        '-o com.docker.network.bridge.enable_icc=maybe',
        'failed to parse com.docker.network.bridge.enable_icc value: maybe (strconv.ParseBool: parsing "maybe": invalid syntax)',
      ],
      [
        '-o com.docker.network.bridge.enable_ip_masquerade=no',
        'failed to parse com.docker.network.bridge.enable_ip_masquerade value: no (strconv.ParseBool: parsing "no": invalid syntax)',
      ],
      [
        '-o com.docker.network.driver.mtu=big',
        'failed to parse com.docker.network.driver.mtu value: big (strconv.Atoi: parsing "big": invalid syntax)',
      ],
      [
        '-o com.docker.network.bridge.gateway_mode_ipv4=bridge',
        'failed to parse com.docker.network.bridge.gateway_mode_ipv4 value: bridge (unknown gateway mode bridge)',
      ],
      [
        '-o com.docker.network.bridge.host_binding_ipv4=localhost',
        'failed to parse com.docker.network.bridge.host_binding_ipv4 value: localhost (nil ip)',
      ],
      [
        '-o com.docker.network.bridge.gateway_mode_ipv4=isolated',
        "gateway mode 'isolated' can only be used for an internal network",
      ],
      ['--subnet 10.1.0.0/24 --subnet 10.2.0.0/24', "bridge driver doesn't support multiple subnets"],
      ['-o com.docker.network.driver.mtu=-1', 'invalid MTU number: -1'],
    ];
    for (const [flags, error] of cases) {
      const r = runScript(createDefaultWorld(), `docker network create ${flags} n0\ndocker network ls -q`).results;
      expect(r[0].output).toBe(`Error response from daemon: ${error}`);
      expect(r[0].exitCode).toBe(1);
      expect(r[1].output.split('\n')).toHaveLength(3);
    }
  });

  it('accepts Go’s booleans (1, t, TRUE, False …) as ParseBool does', () => {
    const r = play([
      'docker network create -o com.docker.network.bridge.enable_icc=F -o com.docker.network.bridge.enable_ip_masquerade=1 n0',
    ]);
    expect(r[0].exitCode).toBe(0);
  });

  it('a bridge name another network holds conflicts (checkConflict), docker0 included', () => {
    const r = play([
      'docker network create -o com.docker.network.bridge.name=docker0 n0',
      'docker network ls -q --no-trunc',
    ]);
    expect(r[0].exitCode).toBe(1);
    expect(r[0].output).toMatch(
      /^Error response from daemon: cannot create network [0-9a-f]{64} \(docker0\): conflicts with network ([0-9a-f]{64}) \(docker0\): networks have same bridge name$/,
    );
    const bridgeId = /conflicts with network ([0-9a-f]{64})/.exec(r[0].output)![1];
    expect(r[1].output).toContain(bridgeId);
  });
});

describe('driver options change the devices', () => {
  it('name: the Linux bridge is called so (ip link); driver.mtu: bridge and container eth0 carry the MTU', () => {
    const r = play([
      'docker network create -o com.docker.network.bridge.name=mybr -o com.docker.network.driver.mtu=1400 named',
      'docker run -d --name b1 --network named nicolaka/netshoot sleep infinity',
      'ip link show mybr',
      'docker exec b1 ip link show eth0',
      'docker network inspect -f "{{json .Options}}" named',
    ]);
    expect(r[2].output).toMatch(
      /^\d+: mybr: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc noqueue state UP mode DEFAULT/,
    );
    expect(r[3].output).toMatch(/^\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc noqueue state UP/);
    expect(r[4].output).toBe('{"com.docker.network.bridge.name":"mybr","com.docker.network.driver.mtu":"1400"}');
  });

  it('host_binding_ipv4: -p without an address binds the network’s default address', () => {
    const r = play([
      'docker network create -o com.docker.network.bridge.host_binding_ipv4=127.0.0.1 local',
      'docker run -d --name l1 --network local -p 8081:80 nginx',
      'docker ps --format "{{.Ports}}"',
      'iptables -t nat -S DOCKER',
      '@pc1 curl -sS -m 2 http://192.168.0.10:8081/',
      'curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:8081/',
    ]);
    expect(r[2].output).toBe('127.0.0.1:8081->80/tcp');
    expect(r[3].output).toMatch(
      /-A DOCKER -d 127\.0\.0\.1\/32 ! -i br-[0-9a-f]{12} -p tcp -m tcp --dport 8081 -j DNAT --to-destination 172\.18\.0\.2:80/,
    );
    expect(r[4].exitCode).not.toBe(0);
    expect(r[5].output).toBe('200');
  });

  // port_mapping_linux.go configurePortBindingIPv4 fills the default into the driver's own copy of
  // the binding; HostConfig.PortBindings stays as sent, NetworkSettings.Ports (getPortMapInfo) and
  // the container list built from it (container/view.go) show the bound address
  it('host_binding_ipv4: HostConfig keeps HostIp "", NetworkSettings.Ports, port and ps show the bound address', () => {
    const r = play([
      'docker network create -o com.docker.network.bridge.host_binding_ipv4=192.168.0.10 hb',
      'docker run -d --name web --network hb -p 8080:80 -p 127.0.0.1:8082:81 nginx',
      "docker inspect web --format '{{json .HostConfig.PortBindings}}'",
      "docker inspect web --format '{{json .NetworkSettings.Ports}}'",
      'docker port web',
      'docker ps --format "{{.Ports}}"',
      'iptables -t nat -S DOCKER',
      'curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:8080/',
      '@pc1 curl -s -o /dev/null -w "%{http_code}" http://192.168.0.10:8080/',
    ]);
    expect(r[2].output).toBe(
      '{"80/tcp":[{"HostIp":"","HostPort":"8080"}],"81/tcp":[{"HostIp":"127.0.0.1","HostPort":"8082"}]}',
    );
    expect(r[3].output).toBe(
      '{"80/tcp":[{"HostIp":"192.168.0.10","HostPort":"8080"}],"81/tcp":[{"HostIp":"127.0.0.1","HostPort":"8082"}]}',
    );
    expect(r[4].output).toBe('80/tcp -> 192.168.0.10:8080\n81/tcp -> 127.0.0.1:8082');
    expect(r[5].output).toBe('192.168.0.10:8080->80/tcp, 127.0.0.1:8082->81/tcp');
    expect(r[6].output).toMatch(
      /-A DOCKER -d 192\.168\.0\.10\/32 ! -i br-[0-9a-f]{12} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172\.18\.0\.2:80/,
    );
    expect(r[7].output).toBe('000');
    expect(r[8].output).toBe('200');
  });

  it('host_binding_ipv4 is the network’s: started again on another network, the port binds 0.0.0.0 and ::', () => {
    const r = play([
      'docker network create -o com.docker.network.bridge.host_binding_ipv4=192.168.0.10 hb',
      'docker run -d --name web --network hb -p 8080:80 nginx',
      'docker stop web',
      'docker network disconnect hb web',
      'docker network connect bridge web',
      'docker start web',
      'docker port web',
      "docker inspect web --format '{{json .HostConfig.PortBindings}}'",
    ]);
    expect(r[6].output).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080');
    expect(r[7].output).toBe('{"80/tcp":[{"HostIp":"","HostPort":"8080"}]}');
  });

  it('a save from before givenHostIp (hostIp holds the bound address) opens and keeps its binding', () => {
    const built = runScript(
      createDefaultWorld(),
      [
        'docker network create -o com.docker.network.bridge.host_binding_ipv4=192.168.0.10 hb',
        'docker run -d --name web --network hb -p 8080:80 nginx',
      ].join('\n'),
    ).session.world;
    const doc = JSON.parse(serializeProject({ world: built, pinned: {} }));
    for (const c of Object.values(doc.world.containers) as { ports: { givenHostIp?: string }[] }[])
      for (const b of c.ports) delete b.givenHostIp;
    const opened = parseProject(JSON.stringify({ ...doc, version: 3 }));
    if (!opened.ok) throw new Error(opened.error);
    const r = runScript(
      opened.doc.world,
      "docker port web\ndocker inspect web --format '{{json .HostConfig.PortBindings}}'",
    ).results;
    expect(r[0].output).toBe('80/tcp -> 192.168.0.10:8080');
    // what the old build recorded: the typed "" was overwritten and cannot be told apart from -p 192.168.0.10:8080:80
    expect(r[1].output).toBe('{"80/tcp":[{"HostIp":"192.168.0.10","HostPort":"8080"}]}');
  });
});

describe('enable_ip_masquerade=false', () => {
  const setup = [
    'docker network create -o com.docker.network.bridge.enable_ip_masquerade=false nomasq',
    'docker run -d --name n1 --network nomasq nicolaka/netshoot sleep infinity',
  ];
  it('no MASQUERADE and no skip-DNAT RETURN for its bridge (golden masq=false)', () => {
    const r = play([...setup, 'iptables -t nat -S']);
    const br = brOf(r[2].output, /(br-[0-9a-f]{12})/);
    expect(r[2].output).not.toContain(`-A POSTROUTING -s 172.18.0.0/16 ! -o ${br} -j MASQUERADE`);
    expect(r[2].output).not.toContain(`-A DOCKER -i ${br} -j RETURN`);
    expect(r[2].output).toContain('-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(play(['docker network create nat1', 'iptables -t nat -S'])[1].output).toMatch(
      /-A DOCKER -i br-[0-9a-f]{12} -j RETURN/,
    );
  });

  it('the container cannot reach the internet, and the trace says why at the host', () => {
    const r = play([...setup, 'docker exec n1 ping -c 1 -W 1 8.8.8.8']);
    expect(r[2].output).toContain('1 packets transmitted, 0 received, 100% packet loss');
    const why = r[2].trace!.steps.find((s) => s.explain.key === 'nat.no-masquerade');
    expect(why?.explain.params).toMatchObject({ node: 'docker-host', src: '172.18.0.2', subnet: '172.18.0.0/16' });
    expect(formatExplain('en', why!.explain)).toContain('enable_ip_masquerade=false');
    expect(r[2].trace!.steps.some((s) => s.explain.key === 'nat.snat' && s.explain.params.node === 'docker-host')).toBe(
      false,
    );
  });
});

describe('gateway_mode_ipv4', () => {
  it('routed: no NAT and no raw drop; ICMP and the container port opened for direct routing; STAGE-1 RETURN', () => {
    const r = play([
      'docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed routed',
      'docker run -d --name r1 --network routed -p 8080:80 nginx',
      'iptables -S',
      'iptables -t nat -S',
      'iptables -t raw -S',
      'curl -sS -m 2 http://127.0.0.1:8080/',
      'docker run -d --name b1 nicolaka/netshoot sleep infinity',
      'docker exec b1 curl -s -o /dev/null -w "%{http_code}" http://172.18.0.2/',
      'docker exec b1 ping -c 1 -W 1 172.18.0.2',
    ]);
    const br = brOf(r[2].output, /-o (br-[0-9a-f]{12})/);
    const filter = r[2].output.split('\n');
    const at = (l: string) => filter.indexOf(l);
    expect(at(`-A DOCKER -d 172.18.0.2/32 ! -i ${br} -o ${br} -p tcp -m tcp --dport 80 -j ACCEPT`)).toBeGreaterThan(0);
    expect(at(`-A DOCKER -o ${br} -p icmp -j ACCEPT`) + 1).toBe(at(`-A DOCKER ! -i ${br} -o ${br} -j DROP`));
    expect(
      filter.slice(at('-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2') - 2),
    ).toEqual(
      expect.arrayContaining([
        `-A DOCKER-ISOLATION-STAGE-1 -i ${br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
        `-A DOCKER-ISOLATION-STAGE-1 -o ${br} -j RETURN`,
      ]),
    );
    expect(r[3].output).not.toContain('172.18.0.0/16');
    expect(r[3].output).not.toContain('DNAT');
    expect(r[3].output).toContain(`-A DOCKER -i ${br} -j RETURN`);
    expect(r[4].output).not.toContain('172.18.0.2');
    expect(r[5].exitCode).toBe(7); // the host port is ignored: nothing listens on 8080
    expect(r[7].output).toBe('200'); // from another bridge, straight to the container port
    expect(r[8].exitCode).toBe(0);
  });

  it('routed: a port is opened on the container’s gateway network only (referee seed 25)', () => {
    const r = play([
      'docker network create net1',
      'docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed net2',
      'docker run -d --name ct1 --network net1 -p 8000:6379 redis',
      'docker network connect net2 ct1',
      'docker run -d --name ct2 --network net1 nicolaka/netshoot sleep infinity',
      'docker exec ct2 curl -sS -m 2 http://172.19.0.2:6379/',
    ]);
    expect(r[5].exitCode).toBe(28);
  });

  it('nat-unprotected: every port of the container is open from outside the bridge, no raw drop', () => {
    const r = play([
      'docker network create -o com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected open',
      'docker run -d --name u1 --network open -p 8080:80 nicolaka/netshoot sleep infinity',
      'iptables -S DOCKER',
      'iptables -t raw -S',
      'docker run -d --name b1 nicolaka/netshoot sleep infinity',
      'docker exec b1 curl -sS -m 2 http://172.18.0.2:22/',
    ]);
    const br = brOf(r[2].output, /-o (br-[0-9a-f]{12})/);
    expect(r[2].output).toContain(`-A DOCKER ! -i ${br} -o ${br} -j ACCEPT`);
    expect(r[2].output).not.toContain('--dport 80 -j ACCEPT');
    expect(r[3].output).not.toContain('172.18.0.2');
    // isolation still drops bridge-to-bridge; a refused connection would prove the port open
    expect(r[5].exitCode).toBe(28);
  });

  it('isolated on an internal network: no gateway, no default route', () => {
    const r = play([
      'docker network create --internal -o com.docker.network.bridge.gateway_mode_ipv4=isolated iso',
      'docker network inspect -f "{{json .IPAM.Config}}" iso',
    ]);
    expect(r[0].exitCode).toBe(0);
    expect(r[1].output).toBe('[{"Subnet":"172.18.0.0/16"}]');
  });
});
