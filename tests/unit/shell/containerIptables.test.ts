import { describe, expect, it } from 'vitest';
import { steps } from '../compose/helpers';

const DENIED = (table: string) =>
  `iptables v1.8.9 (legacy): can't initialize iptables table \`${table}': Permission denied (you must be root)\nPerhaps iptables or your kernel needs to be upgraded.`;

/**
 * A container namespace's own netfilter tables (moby v28.5.2 libnetwork/resolver_unix.go
 * setupIptablesNAT): where a user-defined network gave it the embedded resolver, port 53 on
 * 127.0.0.11 is DNATed to the resolver's own ports and answered from :53. Reading them takes
 * CAP_NET_ADMIN (oci/caps TweakCapabilities; daemon/exec_linux.go for exec --privileged).
 */
describe('iptables inside a container', () => {
  const { r } = steps([
    'docker network create appnet',
    'docker run -d --name admin --network appnet --cap-add NET_ADMIN nicolaka/netshoot sleep infinity',
    'docker exec admin iptables -t nat -S',
    'docker exec admin ss -ulnp',
    'docker exec admin ss -tlnp',
    'docker run -d --name plain --network appnet nicolaka/netshoot sleep infinity',
    'docker exec plain iptables -t nat -S',
    'docker exec --privileged plain iptables -t nat -L -n',
    'docker exec -u 1000 admin iptables -S',
    'docker run -d --name dflt --privileged nicolaka/netshoot sleep infinity',
    'docker exec dflt iptables -t nat -S',
    "nsenter --net=$(docker inspect -f '{{.NetworkSettings.SandboxKey}}' plain) iptables -t nat -L DOCKER_OUTPUT",
    'docker run -d --name all --network appnet --cap-add all --cap-drop NET_ADMIN nicolaka/netshoot sleep infinity',
    'docker exec all iptables -S',
    'docker exec admin iptables -t nat -A OUTPUT -j ACCEPT',
    'docker exec admin ss -tulnp',
  ]);
  const out = (i: number) => r[i].output;

  it('with NET_ADMIN: the resolver’s DNAT and SNAT, TCP first (each rule inserted at the top)', () => {
    const udp = /127\.0\.0\.11:(\d+)/.exec(out(3))![1];
    const tcp = /127\.0\.0\.11:(\d+)/.exec(out(4))![1];
    expect(udp).not.toBe(tcp);
    expect(out(2)).toBe(
      [
        '-P PREROUTING ACCEPT',
        '-P INPUT ACCEPT',
        '-P OUTPUT ACCEPT',
        '-P POSTROUTING ACCEPT',
        '-N DOCKER_OUTPUT',
        '-N DOCKER_POSTROUTING',
        '-A OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT',
        '-A POSTROUTING -d 127.0.0.11/32 -j DOCKER_POSTROUTING',
        `-A DOCKER_OUTPUT -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:${tcp}`,
        `-A DOCKER_OUTPUT -d 127.0.0.11/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:${udp}`,
        `-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p tcp -m tcp --sport ${tcp} -j SNAT --to-source :53`,
        `-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport ${udp} -j SNAT --to-source :53`,
      ].join('\n'),
    );
  });

  it('without NET_ADMIN it is refused; exec --privileged reads them (-L -n, numeric ports)', () => {
    expect(out(6)).toBe(DENIED('nat'));
    expect(r[6].exitCode).toBe(3);
    const listed = out(7).split('\n');
    expect(listed).toContain('Chain DOCKER_OUTPUT (1 references)');
    expect(
      listed.some((l) =>
        /^DNAT {7}udp {2}-- {2}0\.0\.0\.0\/0 {12}127\.0\.0\.11 {11}udp dpt:53 to:127\.0\.0\.11:\d+$/.test(l),
      ),
    ).toBe(true);
    expect(
      listed.some((l) => /^SNAT {7}tcp {2}-- {2}127\.0\.0\.11 {11}0\.0\.0\.0\/0 {12}tcp spt:\d+ to::53$/.test(l)),
    ).toBe(true);
  });

  it('another user has no capability, whatever the container was given', () => {
    expect(out(8)).toBe(DENIED('filter'));
  });

  it('the default bridge gives no embedded resolver: empty tables even with --privileged', () => {
    expect(out(10)).toBe(
      ['-P PREROUTING ACCEPT', '-P INPUT ACCEPT', '-P OUTPUT ACCEPT', '-P POSTROUTING ACCEPT'].join('\n'),
    );
  });

  it('nsenter from the host reads them with the host’s capabilities; -L names port 53 "domain"', () => {
    const lines = out(11).split('\n');
    expect(lines[0]).toBe('Chain DOCKER_OUTPUT (1 references)');
    expect(lines[2]).toMatch(
      /^DNAT {7}tcp {2}-- {2}anywhere {13}127\.0\.0\.11 {11}tcp dpt:domain to:127\.0\.0\.11:\d+$/,
    );
  });

  it('--cap-add ALL gives every capability but the ones dropped', () => {
    expect(out(13)).toBe(DENIED('filter'));
  });

  it('the tables stay read-only', () => {
    expect(r[14].exitCode).toBe(1);
  });

  it('ss lists udp before tcp (iproute2 ss.c: udp_show, then tcp_show)', () => {
    const lines = out(15).split('\n');
    expect(lines[1]).toMatch(/^udp +UNCONN/);
    expect(lines[2]).toMatch(/^tcp +LISTEN/);
  });

  it('exec -it --privileged: the entered shell keeps every capability; exec -it without it has none extra', () => {
    const { r: x } = steps([
      'docker run -d --name web nicolaka/netshoot sleep infinity',
      'docker exec -it --privileged web sh',
      'iptables -S',
      'exit',
      'docker exec -it web sh',
      'iptables -S',
      'exit',
      'docker exec -it -u 1000 --privileged web sh',
      'iptables -S',
    ]);
    expect(x[2].output).toBe(['-P INPUT ACCEPT', '-P FORWARD ACCEPT', '-P OUTPUT ACCEPT'].join('\n'));
    expect(x[2].exitCode).toBe(0);
    expect(x[5].output).toBe(DENIED('filter'));
    expect(x[8].output).toBe(DENIED('filter'));
  });
});
