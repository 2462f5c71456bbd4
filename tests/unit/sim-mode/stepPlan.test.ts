import { describe, expect, it } from 'vitest';
import { ease, isReversed, planDuration, planStep, shortReason } from '../../../src/ui/sim/stepPlan';
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
    expect(planStep(curlDnat.steps, 5)).toEqual({
      kind: 'at',
      node: 'docker-host',
      drop: false,
      proto: 'tcp',
      via: 'if:docker-host:eth0',
    });
    expect(planStep(curlDnat.steps, 99)).toBeNull();
  });

  it('a node step names the link the packet is at: the way in, or the way out for a route decision', () => {
    const steps = curlDnat.steps;
    for (let i = 0; i < steps.length; i++) {
      const plan = planStep(steps, i);
      if (plan?.kind !== 'at' || plan.node !== 'docker-host') continue;
      const a = steps[i].action;
      if (a === 'dnat' || a === 'un-nat') {
        const prev = steps.slice(0, i).findLast((s) => 'link' in s.at)!;
        expect(plan.via, `${i} ${a}`).toBe((prev.at as { link: string }).link);
      }
      if (a === 'route') {
        const next = steps.slice(i + 1).find((s) => 'link' in s.at)!;
        expect(plan.via, `${i} ${a}`).toBe((next.at as { link: string }).link);
      }
    }
    expect(steps.some((s) => s.action === 'route' && 'node' in s.at && s.at.node === 'docker-host')).toBe(true);
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

  it('the canvas labels a drop with the narration’s first clause; the why stays in the panel', () => {
    expect(
      shortReason(
        'internet has no route to 192.168.0.10: private addresses (10/8, 172.16/12, 192.168/16) are not routed on the internet, so the packet is dropped.',
      ),
    ).toBe('internet has no route to 192.168.0.10');
    expect(
      shortReason(
        'internet에는 192.168.0.10으로 가는 경로가 없어 패킷을 버립니다. 사설 주소(10/8, 172.16/12, 192.168/16)는 인터넷에서 라우팅되지 않습니다.',
      ),
    ).toBe('internet에는 192.168.0.10으로 가는 경로가 없어 패킷을 버립니다');
    expect(shortReason('TTL reached zero at router.')).toBe('TTL reached zero at router');
    expect(shortReason('dns.google answers')).toBe('dns.google answers');
  });
});
