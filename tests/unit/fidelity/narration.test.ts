import { describe, expect, it } from 'vitest';
import { formatExplain, traceMessages } from '../../../src/i18n/trace';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const said = (r: { trace?: { steps: { explain: { key: string; params: Record<string, string | number> } }[] } }) =>
  (r.trace?.steps ?? []).map((s) => ({
    key: s.explain.key,
    en: formatExplain('en', s.explain),
    ko: formatExplain('ko', s.explain),
  }));

describe('narration that teaches the truth', () => {
  it('the kernel accepts a packet; no "listening program" (it also answers pings and the handshake)', () => {
    expect(traceMessages.en['ip.deliver']).not.toMatch(/listening program/);
    expect(traceMessages.ko['ip.deliver']).not.toMatch(/대기 중인 프로그램/);
    const r = play(['docker run -d --name web nginx', 'ping -c 1 172.17.0.2']);
    const deliver = said(r[1]).find((s) => s.key === 'ip.deliver');
    expect(deliver?.en).toBe(
      'The kernel of web accepts the packet (172.17.0.1 → 172.17.0.2 ICMP echo-request): it is addressed to web itself.',
    );
  });

  it('the embedded DNS query names the port the namespace’s DOCKER_OUTPUT rule sends it to, which ss lists', () => {
    const r = play([
      'docker network create appnet',
      'docker run -d --name web --network appnet nginx',
      'docker run -d --name tools --network appnet nicolaka/netshoot sleep infinity',
      'docker exec tools ss -ulnp',
      'docker exec tools ping -c 1 web',
    ]);
    const port = /127\.0\.0\.11:(\d+)/.exec(r[3].output)![1];
    const q = said(r[4]).find((s) => s.key === 'dns.embedded-query');
    expect(q?.en).toBe(
      `The resolver in /etc/resolv.conf is Docker’s embedded DNS at 127.0.0.11: “what is web?” A DOCKER_OUTPUT rule in the container hands port 53 to dockerd on port ${port}.`,
    );
    expect(q?.ko).toContain(`컨테이너 안의 DOCKER_OUTPUT 규칙이 53번 포트를 dockerd의 ${port}번 포트로 넘깁니다.`);
  });

  it('the answer through a published port is nginx’s, relayed by docker-proxy', () => {
    const r = play(['docker run -d --name web -p 8080:80 nginx', 'curl -s -o /dev/null localhost:8080']);
    const s = said(r[1]);
    const relay = s.find((x) => x.key === 'app.http-relay');
    expect(relay?.en).toBe(
      'docker-proxy on docker-host relays the answer it got from web (status 200) to the client on port 8080: it wrote none of it.',
    );
    expect(s.find((x) => x.key === 'app.http')?.en).toBe(
      'The web server in web answers the HTTP request on port 80 with status 200.',
    );
  });

  it('isolation names the chain that exists in Docker 28 (STAGE-2 under DOCKER-FORWARD)', () => {
    const r = play([
      'docker network create a1',
      'docker network create b1',
      'docker run -d --name web --network a1 nginx',
      'docker run -d --name box --network b1 nicolaka/netshoot sleep infinity',
      'docker exec box ping -c 1 -W 1 172.18.0.2',
    ]);
    const drop = said(r[4]).find((x) => x.key === 'drop.isolated');
    expect(drop?.en).toMatch(
      /^Dropped in DOCKER-ISOLATION-STAGE-2 \(FORWARD → DOCKER-FORWARD → DOCKER-ISOLATION-STAGE-1/,
    );
  });

  it('not-published speaks of ports, an unresolvable name does not deny the DNS packets sent', () => {
    expect(formatExplain('en', { key: 'drop.not-published', params: { dst: '172.17.0.2' } })).toContain(
      'nothing published a port to 172.17.0.2 on this protocol and port',
    );
    expect(traceMessages.en['drop.name-unresolvable']).not.toMatch(/no packet is sent/);
  });

  it('a stopped container is not called "not on this network"', () => {
    expect(traceMessages.en['dns.embedded-forward']).toMatch(
      /^No running container on this network answers to \{name\}/,
    );
    expect(traceMessages.ko['dns.embedded-forward']).toContain('실행 중인 컨테이너가 없으므로');
  });

  it('Korean: an unknown unicast is flooded to every port except the one it came in on', () => {
    expect(traceMessages.ko['bridge.flood-unknown']).toContain('들어온 포트를 뺀 모든 포트로');
  });

  it('bridged conntrack says why (br_netfilter) and when Docker 28 turns it on (moby#48492)', () => {
    expect(traceMessages.en['ct.bridged']).toContain('moby#48492');
    expect(traceMessages.en['ct.bridged']).not.toMatch(/^Even bridged traffic/);
  });

  it('every key has en and ko', () => {
    expect(Object.keys(traceMessages.ko).sort()).toEqual(Object.keys(traceMessages.en).sort());
  });
});
