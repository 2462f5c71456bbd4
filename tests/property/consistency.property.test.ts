import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, runLine, type Session } from '../../src/sim/console';
import { DOCKER_HOST } from '../../src/sim/ids';
import { newCtx, nodeOf } from '../../src/sim/net/ctx';
import { type NfPacket, type NfRule, netfilterOf, ruleMatches } from '../../src/sim/netfilter';
import { stackOf } from '../../src/sim/stack';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * The engine has two views of the same World: the one the shell prints (stackOf for `ip route`,
 * netfilter.ts for `iptables -S`) and the packet engine's own lean one (net/topo, net/netfilter).
 * These properties keep them from drifting: what `ip route` says is how packets are routed, and
 * whether the printed FORWARD chain accepts a packet is whether the packet engine delivers it.
 */

const NETS = ['na', 'nb', 'nc'];
const NAMES = ['c1', 'c2', 'c3', 'c4'];

const worldLines = fc
  .record({
    internal: fc.subarray(NETS, { maxLength: 1 }),
    containers: fc.array(
      fc.record({
        nets: fc.subarray(['bridge', ...NETS], { minLength: 1, maxLength: 2 }),
        stopped: fc.boolean(),
      }),
      { minLength: 2, maxLength: 4 },
    ),
  })
  .map(({ internal, containers }) => {
    const lines = NETS.map(
      (n, i) => `docker network create ${internal.includes(n) ? '--internal ' : ''}--subnet 10.${i}.0.0/24 ${n}`,
    );
    containers.forEach((c, i) => {
      lines.push(`docker run -dit --name ${NAMES[i]} --network ${c.nets[0]} nicolaka/netshoot`);
      for (const extra of c.nets.slice(1)) lines.push(`docker network connect ${extra} ${NAMES[i]}`);
      if (c.stopped) lines.push(`docker stop ${NAMES[i]}`);
    });
    return lines;
  });

function build(lines: string[]): Session {
  let s = createSession(createDefaultWorld());
  for (const line of lines) {
    const r = runLine(s, line);
    expect(r.exitCode, `${line}\n${r.output}`).toBe(0);
    s = r.session;
  }
  return s;
}

/** Walks a table's chain as the kernel does: first matching rule wins, user chains recurse, RETURN goes back. */
function verdict(rules: NfRule[], policy: string, chain: string, p: NfPacket): string {
  const walk = (name: string, depth: number): string | null => {
    if (depth > 8) throw new Error('chain loop');
    for (const r of rules.filter((x) => x.chain === name)) {
      if (!ruleMatches(r, p)) continue;
      if (r.target === 'ACCEPT' || r.target === 'DROP') return r.target;
      if (r.target === 'RETURN') return null;
      const sub = walk(r.target, depth + 1);
      if (sub) return sub;
    }
    return null;
  };
  return walk(chain, 0) ?? policy;
}

const routeKey = (r: { dst: string; via?: string; dev: string }) => `${r.dst} via ${r.via ?? '-'} dev ${r.dev}`;

describe('the shell and the packet engine agree', () => {
  it('a container routes packets by the table `ip route` prints', () => {
    fc.assert(
      fc.property(worldLines, (lines) => {
        const s = build(lines);
        const ctx = newCtx(s.world);
        for (const c of Object.values(s.world.containers)) {
          const printed = stackOf(s.world, { kind: 'container', id: c.id })!.routes.map(routeKey).sort();
          const used = (nodeOf(ctx, c.id)?.routes ?? []).map(routeKey).sort();
          expect(used, c.name).toEqual(printed);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a container-to-container ping arrives exactly when a shared network or the FORWARD chain allows it', () => {
    fc.assert(
      fc.property(worldLines, fc.nat(), fc.nat(), (lines, i, j) => {
        const s = build(lines);
        const running = Object.values(s.world.containers).filter((c) => c.state === 'running');
        fc.pre(running.length >= 2);
        const a = running[i % running.length];
        const b = running[(i + 1 + (j % (running.length - 1))) % running.length];
        const target = b.endpoints[j % b.endpoints.length];
        const out = runLine(s, `docker exec ${a.name} ping -c 1 -W 1 ${target.ip}`).output;
        const arrived = /1 received/.test(out);

        const sameNet = a.endpoints.some((ep) => ep.networkId === target.networkId);
        const aStack = stackOf(s.world, { kind: 'container', id: a.id })!;
        const gw = aStack.routes.find((r) => r.dst === 'default');
        let expected = sameNet;
        if (!sameNet && gw) {
          const inNet = a.endpoints.find((ep) => ep.ifname === gw.dev)!;
          const nf = netfilterOf(s.world, DOCKER_HOST).filter;
          const bridge = (id: string) => s.world.networks[id].bridge!;
          const forward = (src: string, dst: string, inBr: string, outBr: string, ctstate: string) =>
            verdict(nf.rules, nf.chains.find((c) => c.name === 'FORWARD')!.policy!, 'FORWARD', {
              src,
              dst,
              in: inBr,
              out: outBr,
              proto: 'icmp',
              ctstate,
            });
          expected =
            forward(inNet.ip!, target.ip!, bridge(inNet.networkId), bridge(target.networkId), 'NEW') === 'ACCEPT';
        }
        expect(arrived, `${a.name} -> ${b.name} ${target.ip}\n${lines.join('\n')}\n${out}`).toBe(expected);
      }),
      { numRuns: 80 },
    );
  });
});
