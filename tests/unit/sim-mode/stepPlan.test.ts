import { describe, expect, it } from 'vitest';
import { ease, isReversed, planDuration, planStep } from '../../../src/ui/sim/stepPlan';
import { CONTAINER_A_ID, curlDnat, pingSameBridge, SECOND_BRIDGE_ID, VETH_A, VETH_B } from '../../fixtures/traces';

describe('step plans for the marker', () => {
  it('a wire step knows the nodes before and after it, to travel the right way', () => {
    expect(planStep(pingSameBridge.steps, 1)).toEqual({
      kind: 'move',
      link: `veth:${VETH_A}`,
      from: `ctr:${CONTAINER_A_ID}`,
      to: `net:${SECOND_BRIDGE_ID}`,
      proto: 'arp',
    });
    // edge drawn container → bridge: towards the bridge is forwards, back to the container reversed
    expect(isReversed({ from: 'ctr:a', to: 'net:n' }, 'ctr:a', 'net:n')).toBe(false);
    expect(isReversed({ from: 'net:n', to: 'ctr:a' }, 'ctr:a', 'net:n')).toBe(true);
    expect(isReversed({ from: null, to: 'ctr:a' }, 'ctr:a', 'net:n')).toBe(true);
  });

  it('a flood fans out from the bridge except on the port it came in on', () => {
    expect(planStep(pingSameBridge.steps, 3)).toEqual({
      kind: 'flood',
      node: `net:${SECOND_BRIDGE_ID}`,
      except: `veth:${VETH_A}`,
      proto: 'arp',
    });
    expect(planStep(pingSameBridge.steps, 4)).toMatchObject({ kind: 'move', link: `veth:${VETH_B}` });
  });

  it('node steps stay put; drops are marked', () => {
    expect(planStep(curlDnat.steps, 5)).toEqual({ kind: 'at', node: 'docker-host', drop: false, proto: 'tcp' });
    expect(planStep(curlDnat.steps, 99)).toBeNull();
  });

  it('speed scales durations within 0.25x–4x and easing stays within 0…1', () => {
    const plan = planStep(curlDnat.steps, 1)!;
    expect(planDuration(plan, 2)).toBe(planDuration(plan, 1) / 2);
    expect(planDuration(plan, 100)).toBe(planDuration(plan, 4));
    expect(planDuration(plan, 0)).toBe(planDuration(plan, 0.25));
    for (const t of [-1, 0, 0.25, 0.5, 0.75, 1, 2]) {
      expect(ease(t)).toBeGreaterThanOrEqual(0);
      expect(ease(t)).toBeLessThanOrEqual(1);
    }
    expect(ease(0.5)).toBeCloseTo(0.5);
  });
});
