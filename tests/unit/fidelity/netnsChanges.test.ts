import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../../src/io/project';
import { worldRefusal } from '../../../src/io/worldSchema';
import { createSession, runLine, type Session } from '../../../src/sim/console';
import { findContainer } from '../../../src/sim/lookup';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

/** Runs lines in one session; each line's output and exit code. */
function play(lines: string[], world: World = createDefaultWorld()) {
  let s: Session = createSession(world);
  const out: { output: string; exitCode: number }[] = [];
  for (const l of lines) {
    const r = runLine(s, l);
    out.push({ output: r.output, exitCode: r.exitCode });
    s = r.session;
  }
  return { results: out, world: s.world };
}

const NO_PERM = 'RTNETLINK answers: Operation not permitted';

// The kernel's rtnetlink refuses a process without CAP_NET_ADMIN (moby v28.5.2 oci/caps
// DefaultCapabilities lacks it; daemon/exec_linux.go gives an exec --privileged every capability);
// with it, iproute2 6.x changes the container's own namespace: a link set down loses its routes,
// set up again gets back only the kernel's prefix routes, and a start makes a new namespace.
describe('ip link set, ip addr and ip route in a container: CAP_NET_ADMIN decides', () => {
  it('without the capability: RTNETLINK answers: Operation not permitted; iptables cannot open its table', () => {
    const { results: r } = play([
      'docker run -dit --name box nicolaka/netshoot',
      'docker exec box ip addr add 10.9.9.9/24 dev eth0',
      'docker exec box ip link set eth0 down',
      'docker exec box ip route add 10.5.0.0/16 via 172.17.0.1',
      'docker exec box iptables -L',
    ]);
    for (const x of r.slice(1, 4)) expect(x).toEqual({ output: NO_PERM, exitCode: 2 });
    expect(r[4].output).toBe(
      "iptables v1.8.9 (legacy): can't initialize iptables table `filter': Permission denied (you must be root)\nPerhaps iptables or your kernel needs to be upgraded.",
    );
  });

  it('--cap-add NET_ADMIN: an address, a link down and up, a default route put back; a restart forgets', () => {
    const { results: r } = play([
      'docker run -dit --name adm --cap-add NET_ADMIN nicolaka/netshoot',
      'docker exec adm ip addr add 10.9.9.9/24 dev eth0',
      'docker exec adm ip route',
      'docker exec adm ip link set eth0 down',
      'docker exec adm ip link show eth0',
      'docker exec adm ping -c 1 172.17.0.1',
      'docker exec adm ip link set eth0 up',
      'docker exec adm ip route',
      'docker exec adm ping -c 1 8.8.8.8',
      'docker exec adm ip route add default via 172.17.0.1',
      'docker exec adm ping -c 1 -W 1 8.8.8.8',
      'docker restart adm',
      'docker exec adm ip route',
    ]);
    expect(r[1]).toEqual({ output: '', exitCode: 0 });
    expect(r[2].output).toBe(
      [
        'default via 172.17.0.1 dev eth0 ',
        '10.9.9.0/24 dev eth0 proto kernel scope link src 10.9.9.9 ',
        '172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 ',
      ].join('\n'),
    );
    expect(r[4].output.split('\n')[0]).toBe(
      '2: eth0@if4: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default ',
    );
    expect(r[5].output).toBe('ping: connect: Network is unreachable');
    // up again: the kernel's prefix routes, not the default route Docker had added
    expect(r[7].output).toBe(
      [
        '10.9.9.0/24 dev eth0 proto kernel scope link src 10.9.9.9 ',
        '172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 ',
      ].join('\n'),
    );
    expect(r[8].output).toBe('ping: connect: Network is unreachable');
    expect(r[10].output).toContain('1 packets transmitted, 1 received, 0% packet loss');
    expect(r[12].output).toBe(
      ['default via 172.17.0.1 dev eth0 ', '172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 '].join('\n'),
    );
  });

  it('exec --privileged holds it, also in an entered shell (exec -it --privileged); the next plain exec does not', () => {
    const { results: r } = play([
      'docker run -dit --name box nicolaka/netshoot',
      'docker exec --privileged box ip route add 10.6.0.0/16 via 172.17.0.1',
      'docker exec -it --privileged box sh',
      'ip route add 10.5.0.0/16 via 172.17.0.1',
      'exit',
      'docker exec box ip route del 10.5.0.0/16',
      'docker exec box ip route',
    ]);
    expect(r[1].exitCode).toBe(0);
    expect(r[3]).toEqual({ output: '', exitCode: 0 });
    expect(r[5]).toEqual({ output: NO_PERM, exitCode: 2 });
    expect(r[6].output).toBe(
      [
        'default via 172.17.0.1 dev eth0 ',
        '10.5.0.0/16 via 172.17.0.1 dev eth0 ',
        '10.6.0.0/16 via 172.17.0.1 dev eth0 ',
        '172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 ',
      ].join('\n'),
    );
  });

  it('iproute2’s own errors in the container; a peer cannot reach a link that is down', () => {
    const { results: r } = play([
      'docker run -dit --name adm --privileged nicolaka/netshoot',
      'docker run -dit --name peer nicolaka/netshoot',
      'docker exec adm ip addr del 10.1.1.1/24 dev eth0',
      'docker exec adm ip route add 10.1.0.0/16 via 10.9.9.9',
      'docker exec adm ip link set eth9 up',
      'docker exec peer ping -c 1 -W 1 172.17.0.2',
      'docker exec adm ip link set eth0 down',
      'docker exec adm ping -c 1 -W 1 172.17.0.3',
      'docker exec peer ping -c 1 -W 1 172.17.0.2',
    ]);
    expect(r[2].output).toBe('RTNETLINK answers: Cannot assign requested address');
    expect(r[3].output).toBe('Error: Nexthop has invalid gateway.');
    expect(r[4].output).toBe('Cannot find device "eth9"');
    expect(r[5].output).toContain('1 packets transmitted, 1 received');
    expect(r[7].output).toBe('ping: connect: Network is unreachable');
    expect(r[8].output).toContain('1 packets transmitted, 0 received, 100% packet loss');
  });

  it('the namespace’s changes are kept in a save (schema) and an old save without them opens', () => {
    const { world } = play([
      'docker run -dit --name adm --cap-add NET_ADMIN nicolaka/netshoot',
      'docker exec adm ip link set eth0 down',
    ]);
    const w: World = JSON.parse(JSON.stringify(world));
    expect(findContainer(w, 'adm')?.netns?.links.eth0?.down).toBe(true);
    expect(worldRefusal(w)).toBeNull();
    const res = parseProject(serializeProject({ world: w, pinned: {} }));
    expect(res.ok && res.doc.world).toEqual(w);
    const old = JSON.parse(JSON.stringify(play(['docker run -dit --name adm nicolaka/netshoot']).world));
    expect(JSON.stringify(old)).not.toContain('netns"');
    expect(worldRefusal(old)).toBeNull();
    expect(play(['docker exec adm ip route'], old).results[0].output).toBe(
      ['default via 172.17.0.1 dev eth0 ', '172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 '].join('\n'),
    );
  });
});
