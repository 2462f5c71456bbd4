import { describe, expect, it } from 'vitest';
import { randomTopology } from '../../../referee/topology';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

// The referee's generator (referee/topology.ts): the kernel side needs root and namespaces, so here
// we check what does not: determinism, commands the engine accepts, and that the bridge driver
// options (moby bridge_linux.go fromLabels) appear across the 100 topologies CI runs.
describe('referee random topologies', () => {
  it('are deterministic per seed', () => {
    expect(randomTopology(7)).toEqual(randomTopology(7));
    expect(randomTopology(7).commands).not.toEqual(randomTopology(8).commands);
  });

  it('draw every driver option within the 100 seeds CI runs, never routed/unprotected on an internal network', () => {
    const creates = Array.from({ length: 100 }, (_, i) => randomTopology(i + 1).commands)
      .flat()
      .filter((c) => c.startsWith('docker network create'));
    for (const opt of [
      'enable_icc=false',
      'enable_ip_masquerade=false',
      'gateway_mode_ipv4=routed',
      'gateway_mode_ipv4=nat-unprotected',
      'host_binding_ipv4=127.0.0.1',
      'com.docker.network.driver.mtu=1400',
      'com.docker.network.bridge.name=wlbr',
    ])
      expect(creates.some((c) => c.includes(opt))).toBe(true);
    expect(creates.filter((c) => c.includes('--internal') && c.includes('gateway_mode_ipv4'))).toEqual([]);
  });

  it('every command of the first 20 topologies succeeds in the engine', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { results } = runScript(createDefaultWorld(), randomTopology(seed).commands.join('\n'));
      for (const r of results) expect({ seed, out: r.output, code: r.exitCode }).toMatchObject({ code: 0 });
    }
  });
});
