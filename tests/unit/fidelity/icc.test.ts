import { describe, expect, it } from 'vitest';
import { formatExplain } from '../../../src/i18n/trace';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;

// moby v28.5.2 libnetwork/drivers/bridge/internal/iptabler/testdata/
// TestIptabler_hairpin=false,internal=false,icc=false,…__iptables.golden and internal=true,icc=false
describe('-o com.docker.network.bridge.enable_icc=false', () => {
  const setup = [
    'docker network create -o com.docker.network.bridge.enable_icc=false quiet',
    'docker run -d --name web --network quiet nginx',
    'docker run -d --name box --network quiet nicolaka/netshoot sleep infinity',
  ];

  it('DOCKER-FORWARD drops bridge-to-same-bridge and accepts only traffic leaving the bridge', () => {
    const r = play([...setup, 'iptables -S DOCKER-FORWARD']);
    const lines = r[3].output.split('\n');
    const br = /-A DOCKER-FORWARD -i (br-[0-9a-f]{12}) -o \1 -j DROP/.exec(r[3].output)?.[1];
    expect(br).toBeDefined();
    const at = lines.indexOf(`-A DOCKER-FORWARD -i ${br} -o ${br} -j DROP`);
    expect(lines[at + 1]).toBe(`-A DOCKER-FORWARD -i ${br} ! -o ${br} -j ACCEPT`);
    expect(lines).not.toContain(`-A DOCKER-FORWARD -i ${br} -j ACCEPT`);
  });

  it('an internal network with icc=false drops instead of accepting', () => {
    const r = play([
      'docker network create --internal -o com.docker.network.bridge.enable_icc=false lab',
      'iptables -S DOCKER-FORWARD',
    ]);
    expect(r[1].output).toMatch(/-A DOCKER-FORWARD -i (br-[0-9a-f]{12}) -o \1 -j DROP/);
    expect(r[1].output).not.toMatch(/-A DOCKER-FORWARD -i (br-[0-9a-f]{12}) -o \1 -j ACCEPT/);
  });

  it('containers on it cannot reach each other: the frame is dropped at the bridge before it arrives', () => {
    const r = play([...setup, 'docker exec box ping -c 1 -W 1 web', 'docker exec box curl -sS -m 2 http://web/']);
    expect(r[3].exitCode).toBe(1);
    expect(r[3].output).toContain('1 packets transmitted, 0 received, 100% packet loss');
    expect(r[4].exitCode).toBe(28);
    const steps = r[3].trace!.steps;
    const dropAt = steps.findIndex((s) => s.explain.key === 'drop.icc');
    expect(dropAt).toBeGreaterThan(0);
    expect(steps.slice(dropAt).some((s) => s.explain.key === 'wire.receive' && s.explain.params.node === 'web')).toBe(
      false,
    );
    expect(formatExplain('en', steps[dropAt].explain)).toMatch(
      /^Dropped by DOCKER-FORWARD’s `-i br-[0-9a-f]{12} -o br-/,
    );
  });

  it('the host still reaches them (OUTPUT, not FORWARD)', () => {
    const r = play([...setup, 'curl -s -o /dev/null -w "%{http_code}" http://172.18.0.2/']);
    expect(r[3].output).toBe('200');
  });

  it('on a routed network ICMP still passes (DOCKER accepts it before the icc DROP), TCP does not', () => {
    // referee topology: icc=false + gateway_mode_ipv4=routed, the kernel answered the ping
    const r = play([
      'docker network create -o com.docker.network.bridge.enable_icc=false -o com.docker.network.bridge.gateway_mode_ipv4=routed net2',
      'docker run -d --name web --network net2 nginx',
      'docker run -d --name box --network net2 nicolaka/netshoot sleep infinity',
      'docker exec box ping -c 1 -W 1 web',
      'docker exec box curl -sS -m 2 http://web/',
    ]);
    expect(r[3].exitCode).toBe(0);
    expect(r[3].output).toContain('1 packets transmitted, 1 received, 0% packet loss');
    expect(r[4].exitCode).toBe(28);
  });
});
