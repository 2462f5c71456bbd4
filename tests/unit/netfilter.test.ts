import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { World } from '../../src/sim/model';
import { netfilterOf, ruleMatches } from '../../src/sim/netfilter';
import { runShell } from '../../src/sim/shell';
import { ruleSpec } from '../../src/sim/shell/iptables';
import type { Where } from '../../src/sim/where';
import { labWorld, NET_ID } from './shell/labWorld';

const host: Where = { kind: 'machine', id: 'docker-host' };
const run = (w: World, where: Where, line: string) => runShell(w, line.split(' '), where, line);

describe('Docker 28 netfilter rules on the host (docker-facts D32–D37)', () => {
  const w = labWorld();

  it('iptables -t nat -S: MASQUERADE per bridge, RETURN per bridge (newest first), DNAT per published port', () => {
    expect(run(w, host, 'iptables -t nat -S').output).toBe(
      [
        '-P PREROUTING ACCEPT',
        '-P INPUT ACCEPT',
        '-P OUTPUT ACCEPT',
        '-P POSTROUTING ACCEPT',
        '-N DOCKER',
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
        '-A POSTROUTING -s 10.0.0.0/24 ! -o br-5173498c2a7a -j MASQUERADE',
        '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
        '-A DOCKER -i br-5173498c2a7a -j RETURN',
        '-A DOCKER -i docker0 -j RETURN',
        '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8001 -j DNAT --to-destination 172.17.0.2:80',
      ].join('\n'),
    );
  });

  it('iptables -S: FORWARD DROP, DOCKER-USER then DOCKER-FORWARD, v28 per-port ACCEPT and per-bridge DROP', () => {
    expect(run(w, host, 'iptables -S').output).toBe(
      [
        '-P INPUT ACCEPT',
        '-P FORWARD DROP',
        '-P OUTPUT ACCEPT',
        '-N DOCKER',
        '-N DOCKER-BRIDGE',
        '-N DOCKER-CT',
        '-N DOCKER-FORWARD',
        '-N DOCKER-ISOLATION-STAGE-1',
        '-N DOCKER-ISOLATION-STAGE-2',
        '-N DOCKER-USER',
        '-A FORWARD -j DOCKER-USER',
        '-A FORWARD -j DOCKER-FORWARD',
        '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
        '-A DOCKER ! -i docker0 -o docker0 -j DROP',
        '-A DOCKER ! -i br-5173498c2a7a -o br-5173498c2a7a -j DROP',
        '-A DOCKER-BRIDGE -o docker0 -j DOCKER',
        '-A DOCKER-BRIDGE -o br-5173498c2a7a -j DOCKER',
        '-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
        '-A DOCKER-CT -o br-5173498c2a7a -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
        '-A DOCKER-FORWARD -j DOCKER-CT',
        '-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1',
        '-A DOCKER-FORWARD -j DOCKER-BRIDGE',
        '-A DOCKER-FORWARD -i docker0 -j ACCEPT',
        '-A DOCKER-FORWARD -i br-5173498c2a7a -j ACCEPT',
        '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
        '-A DOCKER-ISOLATION-STAGE-1 -i br-5173498c2a7a ! -o br-5173498c2a7a -j DOCKER-ISOLATION-STAGE-2',
        '-A DOCKER-ISOLATION-STAGE-2 -o br-5173498c2a7a -j DROP',
        '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
      ].join('\n'),
    );
  });

  it('iptables -nvL: counters (0, the simulation keeps none) and the in/out columns that explain the rules', () => {
    expect(run(w, host, 'iptables -t nat -nvL POSTROUTING').output.split('\n').slice(0, 3)).toEqual([
      'Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)',
      ' pkts bytes target     prot opt in     out     source               destination         ',
      '    0     0 MASQUERADE  all  --  *      !br-5173498c2a7a  10.0.0.0/24          0.0.0.0/0           ',
    ]);
    expect(run(w, host, 'iptables -L FORWARD -n --line-numbers').output.split('\n').slice(1, 3)).toEqual([
      'num  target     prot opt source               destination         ',
      '1    DOCKER-USER  all  --  0.0.0.0/0            0.0.0.0/0           ',
    ]);
  });

  it('iptables -t nat -L -n: iptables 1.8 listing', () => {
    const out = run(w, host, 'iptables -t nat -L -n').output;
    expect(out).toContain(
      'Chain DOCKER (2 references)\ntarget     prot opt source               destination         \n',
    );
    // "%-9s " then the "!"-or-space column: a 10-letter target is followed by two spaces
    expect(out).toContain('MASQUERADE  all  --  172.17.0.0/16        0.0.0.0/0           \n');
    expect(run(w, host, 'iptables -L FORWARD -n').output).toContain(
      'DOCKER-USER  all  --  0.0.0.0/0            0.0.0.0/0           \n',
    );
    expect(out).toContain(
      'DNAT       tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:8001 to:172.17.0.2:80',
    );
    expect(out).toContain(
      'DOCKER     all  --  0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL',
    );
  });

  it('iptables -L DOCKER -n lists one chain with its reference count', () => {
    expect(run(w, host, 'iptables -L DOCKER -n').output).toBe(
      [
        'Chain DOCKER (2 references)', // one jump per bridge from DOCKER-BRIDGE
        'target     prot opt source               destination         ',
        'ACCEPT     tcp  --  0.0.0.0/0            172.17.0.2           tcp dpt:80',
        'DROP       all  --  0.0.0.0/0            0.0.0.0/0           ',
        'DROP       all  --  0.0.0.0/0            0.0.0.0/0           ',
      ].join('\n'),
    );
  });

  it('iptables -L without -n names 0.0.0.0/0 anywhere', () => {
    expect(run(w, host, 'iptables -t nat -L').output).toContain(
      'DOCKER     all  --  anywhere            !loopback/8           ADDRTYPE match dst-type LOCAL',
    );
  });

  it('v28 raw rules block direct routing to each container address', () => {
    expect(run(w, host, 'iptables -t raw -S').output).toBe(
      [
        '-P PREROUTING ACCEPT',
        '-P OUTPUT ACCEPT',
        '-A PREROUTING -d 10.0.0.2/32 ! -i br-5173498c2a7a -j DROP',
        '-A PREROUTING -d 10.0.0.3/32 ! -i br-5173498c2a7a -j DROP',
        '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP',
      ].join('\n'),
    );
  });

  it('an --internal network gets no NAT and drops traffic leaving its subnet (D36)', () => {
    const internal = produce(w, (d) => {
      d.networks[NET_ID].internal = true;
    });
    const nat = run(internal, host, 'iptables -t nat -S').output;
    expect(nat).not.toContain('br-5173498c2a7a');
    const filter = run(internal, host, 'iptables -S').output;
    expect(filter).toContain('-A DOCKER-ISOLATION-STAGE-1 ! -s 10.0.0.0/24 -o br-5173498c2a7a -j DROP');
    expect(filter).toContain('-A DOCKER-ISOLATION-STAGE-1 ! -d 10.0.0.0/24 -i br-5173498c2a7a -j DROP');
    expect(filter).toContain('-A DOCKER-FORWARD -i br-5173498c2a7a -o br-5173498c2a7a -j ACCEPT');
    expect(filter).not.toContain('-A DOCKER ! -i br-5173498c2a7a');
  });

  it('-p 127.0.0.1:8080:80 matches only that destination (D37)', () => {
    const lo = produce(w, (d) => {
      const c = Object.values(d.containers).find((x) => x.name === 'nginx2')!;
      c.ports = [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, proto: 'tcp', boundPort: 8080 }];
    });
    expect(run(lo, host, 'iptables -t nat -S').output).toContain(
      '-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    );
  });

  it('a stopped container has no DNAT', () => {
    const stopped = produce(w, (d) => {
      const c = Object.values(d.containers).find((x) => x.name === 'nginx2')!;
      c.state = 'exited';
      c.ports[0].boundPort = undefined;
    });
    expect(run(stopped, host, 'iptables -t nat -S').output).not.toContain('DNAT');
  });

  it('structured rules: which rule a packet from the LAN to 8001 matches', () => {
    const nat = netfilterOf(w, 'docker-host').nat;
    const hit = nat.rules.find(
      (r) =>
        r.chain === 'DOCKER' &&
        ruleMatches(r, {
          src: '192.168.0.20',
          dst: '192.168.0.10',
          in: 'eth0',
          proto: 'tcp',
          dport: 8001,
          dstLocal: true,
        }),
    );
    expect(hit && ruleSpec(hit)).toBe(
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8001 -j DNAT --to-destination 172.17.0.2:80',
    );
    expect(hit?.origin.kind).toBe('port');
    // from docker0 itself the RETURN matches first
    const fromBridge = nat.rules.find(
      (r) =>
        r.chain === 'DOCKER' &&
        ruleMatches(r, { src: '172.17.0.3', dst: '192.168.0.10', in: 'docker0', proto: 'tcp', dport: 8001 }),
    );
    expect(fromBridge?.target).toBe('RETURN');
  });

  it('isolation: a packet from docker0 to the second bridge hits STAGE-2 DROP', () => {
    const f = netfilterOf(w, 'docker-host').filter;
    const p = { src: '172.17.0.2', dst: '10.0.0.2', in: 'docker0', out: 'br-5173498c2a7a', proto: 'icmp' as const };
    const s1 = f.rules.filter((r) => r.chain === 'DOCKER-ISOLATION-STAGE-1').find((r) => ruleMatches(r, p));
    expect(s1?.target).toBe('DOCKER-ISOLATION-STAGE-2');
    const s2 = f.rules.filter((r) => r.chain === 'DOCKER-ISOLATION-STAGE-2').find((r) => ruleMatches(r, p));
    expect(s2 && ruleSpec(s2)).toBe('-A DOCKER-ISOLATION-STAGE-2 -o br-5173498c2a7a -j DROP');
  });
});

describe('netfilter on other machines', () => {
  it('the router masquerades out of wan0 and DNATs its port forwards', () => {
    const w = produce(labWorld(), (d) => {
      d.machines.router.forwards = [{ proto: 'tcp', publicPort: 80, toIp: '192.168.0.10', toPort: 8001 }];
    });
    expect(run(w, { kind: 'machine', id: 'router' }, 'iptables -t nat -S').output).toBe(
      [
        '-P PREROUTING ACCEPT',
        '-P INPUT ACCEPT',
        '-P OUTPUT ACCEPT',
        '-P POSTROUTING ACCEPT',
        '-A PREROUTING -i wan0 -p tcp -m tcp --dport 80 -j DNAT --to-destination 192.168.0.10:8001',
        '-A POSTROUTING -o wan0 -j MASQUERADE',
      ].join('\n'),
    );
  });

  it('a PC has empty ACCEPT policies', () => {
    expect(run(labWorld(), { kind: 'machine', id: 'pc1' }, 'iptables -S').output).toBe(
      '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT',
    );
  });

  it('unknown tables and options', () => {
    expect(run(labWorld(), host, 'iptables -t mangle2 -S').exitCode).toBe(3);
    expect(run(labWorld(), host, 'iptables').exitCode).toBe(2);
  });
});
