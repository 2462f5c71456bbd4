import { describe, expect, it } from 'vitest';
import { parseArgs, runText } from '../../src/cli/sim';
import { worldProblem } from '../../src/io/worldSchema';
import { createSession, runLine, runScript, type Session } from '../../src/sim/console';
import { createDesktopWorld, DESKTOP_DNS, DESKTOP_HOST_IP, DESKTOP_VM_IP } from '../../src/sim/desktop';
import type { Trace } from '../../src/sim/model';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * Docker Desktop's World (src/sim/desktop.ts): the engine in a VM inside pc1. Each case is an
 * observation from seed 004 (Docker Desktop for Windows) or a fact of Docker's documentation.
 */

const build = (lines: string[]): Session => runScript(createDesktopWorld(), `${lines.join('\n')}\n`).session;
const SETUP = [
  'docker run -d --name nginx nginx',
  'docker run -d -p 8001:80 --name nginx2 nginx',
  'docker run -d -p 127.0.0.1:8002:80 --name local nginx',
  'docker run -d --name client nicolaka/netshoot sleep infinity',
];
const s = build(SETUP);
const run = (line: string) => runLine(s, line);
const at = (t: Trace | undefined, node: string) => (t?.steps ?? []).filter((x) => 'node' in x.at && x.at.node === node);

describe('the Docker Desktop World', () => {
  const w = createDesktopWorld();
  it('puts the engine in a VM on 192.168.65.0/24 and leaves the rest of the default World alone', () => {
    const vm = w.machines['docker-host'];
    expect(vm.hostname).toBe('docker-desktop');
    expect(vm.ifaces.find((f) => f.name === 'eth0')?.addrs).toEqual([{ ip: DESKTOP_VM_IP, prefix: 24 }]);
    expect(vm.nameservers).toEqual([DESKTOP_DNS]);
    expect(w.machines.pc1.desktopVm).toBe('docker-host');
    const d = createDefaultWorld();
    for (const id of ['pc2', 'router', 'internet', 'dns', 'google.com']) expect(w.machines[id]).toEqual(d.machines[id]);
    expect(Object.values(w.networks).map((n) => n.name)).toEqual(['bridge', 'host', 'none']);
  });

  it('is a valid save, and pc1 has no route to 172.17.0.0/16', () => {
    expect(worldProblem(JSON.parse(JSON.stringify(s.world)))).toBeNull();
    expect(runLine(createSession(w), '@pc1 ip route').output).not.toContain('172.17');
  });
});

describe('seed 004 on Docker Desktop for Windows', () => {
  it('pc1 → 172.17.0.2: no answer; the ping goes to the router and never into the VM', () => {
    const r = run('@pc1 ping -c 1 172.17.0.2');
    expect(r.exitCode).not.toBe(0);
    expect(r.output).toContain('100% packet loss');
    expect(at(r.trace, 'docker-host')).toHaveLength(0);
    expect(at(r.trace, 'router').length).toBeGreaterThan(0);
    expect(at(r.trace, 'internet').at(-1)?.action).toBe('drop');
  });

  it('pc1 → localhost:8001: com.docker.backend forwards into the VM, and nginx2 answers', () => {
    const r = run('@pc1 curl -s http://localhost:8001/');
    expect(r.output).toContain('<h1>Welcome to nginx!</h1>');
    expect(r.trace?.outcome).toEqual({ ok: true, summary: 'HTTP 200 from 127.0.0.1:8001' });
    const keys = r.trace!.steps.map((x) => x.explain.key);
    const fwd = keys.indexOf('app.desktop-forward');
    expect(fwd).toBeGreaterThan(-1);
    expect(r.trace!.steps[fwd].at).toEqual({ node: 'pc1' });
    expect(r.trace!.steps[fwd + 1].explain).toMatchObject({ key: 'app.desktop-vm', params: { to: '172.17.0.3:80' } });
    // the second connection starts in the VM (docker0's 172.17.0.1), not at pc1
    const toNginx2 = r.trace!.steps.find((x) => x.action === 'deliver' && x.frame.ip?.dst === '172.17.0.3');
    expect(toNginx2?.frame.ip?.src).toBe('172.17.0.1');
    expect(keys).toContain('app.http-relay-desktop');
  });

  it('pc2 reaches nginx2 through the PC’s own address (the backend listens on 0.0.0.0)', () => {
    const r = run('@pc2 curl -s http://192.168.0.20:8001/');
    expect(r.trace?.outcome.ok).toBe(true);
    expect(r.output).toContain('Welcome to nginx!');
  });

  it('a port published on 127.0.0.1 answers pc1’s localhost only', () => {
    expect(run('@pc1 curl -s http://localhost:8002/').trace?.outcome.ok).toBe(true);
    expect(run('@pc2 curl -s http://192.168.0.20:8002/').trace?.outcome.summary).toBe('connection refused');
  });

  it('ss -tlnp on pc1 lists com.docker.backend on each published port (every address, or the one given), one process for all', () => {
    const r = run('@pc1 ss -tlnp');
    const rows = r.output.split('\n').filter((l) => l.startsWith('LISTEN'));
    const local = rows.map((l) => l.split(/\s+/)[3]);
    expect(local).toEqual(['0.0.0.0:8001', '127.0.0.1:8002', '[::]:8001']);
    const pids = new Set(rows.map((l) => /users:\(\("com\.docker\.back",pid=(\d+),fd=\d+\)\)/.exec(l)?.[1]));
    expect(pids.size).toBe(1);
    expect([...pids][0]).toMatch(/^\d+$/);
    // the ports are the backend's, not docker-proxy's: the VM's own listing keeps docker-proxy
    expect(r.output).not.toContain('docker-proxy');
    expect(run('ss -tlnp').output).toContain('docker-proxy');
    // a stopped container's port is no longer forwarded
    const stopped = runLine(runLine(s, 'docker stop nginx2').session, '@pc1 ss -tln').output;
    expect(stopped).not.toContain(':8001');
    expect(stopped).toContain('127.0.0.1:8002');
  });

  it('a port nobody published is refused by pc1 itself', () => {
    const r = run('@pc1 curl -s http://localhost:8009/');
    expect(r.trace?.outcome.summary).toBe('connection refused');
    expect(at(r.trace, 'docker-host')).toHaveLength(0);
  });

  it('pc1 cannot send into the VM’s network either: vpnkit’s segment is no interface of its own stack', () => {
    const r = run(`@pc1 ping -c 1 ${DESKTOP_VM_IP}`);
    expect(r.trace?.outcome.ok).toBe(false);
    expect(at(r.trace, 'docker-host')).toHaveLength(0);
  });

  it('the VM itself reaches 172.17.0.2 on docker0', () => {
    expect(run('curl -s http://172.17.0.2/').output).toContain('Welcome to nginx!');
  });
});

describe('names inside Docker Desktop', () => {
  it('host.docker.internal resolves to 192.168.65.254 and answers; gateway.docker.internal is vpnkit’s gateway', () => {
    expect(run('docker exec client getent hosts host.docker.internal').output).toBe(
      `${DESKTOP_HOST_IP}  host.docker.internal`,
    );
    const ping = run('docker exec client ping -c 1 host.docker.internal');
    expect(ping.trace?.outcome).toEqual({ ok: true, summary: `1/1 replies from ${DESKTOP_HOST_IP}` });
    const dns = ping.trace!.steps.find((x) => x.action === 'dns-answer');
    expect(dns?.at).toEqual({ node: 'pc1' });
    expect(run('docker exec client nslookup gateway.docker.internal').output).toContain('Address: 192.168.65.1');
  });

  it('resolv.conf names 192.168.65.7: directly on docker0, as ExtServers behind 127.0.0.11 on a user network', () => {
    expect(run('docker exec client cat /etc/resolv.conf').output).toContain(`nameserver ${DESKTOP_DNS}`);
    const u = runScript(
      s.world,
      'docker network create second-bridge\ndocker run -d --network second-bridge --name containerA devwikirepo/pingbuntu\ndocker exec containerA cat /etc/resolv.conf\n',
    ).results[2].output;
    expect(u).toContain('nameserver 127.0.0.11');
    expect(u).toContain(`# ExtServers: [host(${DESKTOP_DNS})]`);
  });

  it('a container reaches the internet through the VM’s NAT and vpnkit: the router sees pc1’s address', () => {
    const r = run('docker exec client ping -c 1 google.com');
    expect(r.trace?.outcome.ok).toBe(true);
    const atRouter = r.trace!.steps.find(
      (x) => 'node' in x.at && x.at.node === 'router' && x.frame.ip?.dst === '142.250.196.142',
    );
    expect(atRouter?.frame.ip?.src).toBe('192.168.0.20');
    // other names still go upstream: the router and 8.8.8.8 answer google.com
    expect(r.trace!.steps.some((x) => x.action === 'dns-answer' && 'node' in x.at && x.at.node === 'dns')).toBe(true);
  });
});

describe('npm run sim --desktop', () => {
  it('parses the flag and starts from the Desktop World', () => {
    const p = parseArgs(['--desktop', 'x.txt']);
    expect(p.ok && p.opts.desktop).toBe(true);
    const out = runText('hostname\n@pc1 ping -c 1 172.17.0.2\n', { json: false, seed: 28, desktop: true });
    expect(out).toContain('$ hostname\ndocker-desktop');
    expect(out).toContain('1 packets transmitted, 0 received, 100% packet loss');
    expect(runText('hostname\n', { json: false, seed: 28 })).toContain('docker-host');
  });
});
