import { describe, expect, it } from 'vitest';
import { createSession, runLine } from '../../../src/sim/console';
import type { Trace } from '../../../src/sim/model';
import { tracePhases } from '../../../src/sim/playback/phases';
import { createDefaultWorld } from '../../../src/sim/world';
import { stepHeaders } from '../../../src/ui/sim/headerDiff';

/**
 * A ping -6 is taught as IPv6 from end to end: its address resolution is a phase of its own,
 * "Neighbour discovery" (ICMPv6 neighbour solicitation and advertisement, RFC 4861), never "ARP"
 * or a "Response"; the header panel names the layers IPv6 and ICMPv6 and shows the solicitation's
 * target, as tcpdump's `who has fd00::3` / `tgt is fd00::3` do.
 */
function ping6(): Trace {
  let s = createSession(createDefaultWorld());
  let last: ReturnType<typeof runLine> | undefined;
  for (const line of [
    'docker network create --ipv6 --subnet fd00::/64 v6net',
    'docker run -d --name c1 --network v6net alpine sleep 1000',
    'docker run -d --name c2 --network v6net alpine sleep 1000',
    'docker exec c1 ping -6 -c 1 c2',
  ]) {
    last = runLine(s, line);
    s = last.session;
  }
  return last!.trace!;
}

describe('ping -6 in the stepper', () => {
  const trace = ping6();

  it('phases: the AAAA lookup, the echo request, neighbour discovery, the echo on its way, the reply', () => {
    const phases = tracePhases(trace).map((p) => `${p.kind} ${p.detail}`);
    expect(phases).toEqual([
      'dns AAAA? c2',
      'request echo request seq=1',
      'ndp who has fd00::3',
      'request echo request seq=1',
      'response echo reply seq=1',
    ]);
    // every neighbour discovery step is in an ndp phase, never in a request or response one
    const kinds = tracePhases(trace);
    for (const [i, st] of trace.steps.entries()) {
      if (!st.frame.nd) continue;
      expect(kinds.find((p) => p.start <= i && i <= p.end)?.kind).toBe('ndp');
    }
  });

  it('headers: IPv6 and ICMPv6 layers, the solicitation’s target and link-layer address', () => {
    const ns = trace.steps.findIndex((st) => st.frame.nd && /solicit/.test(st.frame.l4?.icmpType ?? ''));
    expect(ns).toBeGreaterThanOrEqual(0);
    const layers = stepHeaders(trace.steps, ns);
    expect(layers.map((l) => l.name)).toEqual(expect.arrayContaining(['IPv6', 'ICMPv6']));
    expect(layers.map((l) => l.name)).not.toContain('IPv4');
    const icmp = layers.find((l) => l.name === 'ICMPv6')!;
    expect(icmp.fields.find((f) => f.name === 'target')?.value).toBe('fd00::3');
    const echo = trace.steps.findIndex((st) => st.frame.l4?.icmpType === 'echo-request');
    expect(
      stepHeaders(trace.steps, echo)
        .find((l) => l.name === 'IPv6')
        ?.fields.find((f) => f.name === 'dst')?.value,
    ).toBe('fd00::3');
  });
});
