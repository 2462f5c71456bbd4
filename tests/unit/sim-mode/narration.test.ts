import { describe, expect, it } from 'vitest';
import { resolveParticles } from '../../../src/i18n/josa';
import { formatExplain } from '../../../src/i18n/trace';
import { runLine, runScript } from '../../../src/sim/console';
import type { Trace } from '../../../src/sim/model';
import { sceneById } from '../../../src/sim/scenes';
import { createDefaultWorld } from '../../../src/sim/world';
import { stepHeaders } from '../../../src/ui/sim/headerDiff';

function lessonTrace(sceneId: string, packetId: string): Trace {
  const scene = sceneById(sceneId)!;
  const { session } = runScript(createDefaultWorld(), `${scene.script.join('\n')}\n`);
  const trace = runLine(session, scene.packets.find((p) => p.id === packetId)!.line).trace;
  if (!trace) throw new Error('no trace');
  return trace;
}

const say = (lang: 'en' | 'ko', t: Trace, action: string, node: string) =>
  t.steps
    .filter((s) => s.action === action && 'node' in s.at && s.at.node === node)
    .map((s) => formatExplain(lang, s.explain));

describe('Korean particles after Latin names and numbers', () => {
  it.each([
    ['web이(가) 응답합니다', 'web이 응답합니다'],
    ['router이(가) 응답합니다', 'router가 응답합니다'],
    ['internet이(가) 라우팅합니다', 'internet이 라우팅합니다'],
    ['docker-host이(가) 보냅니다', 'docker-host가 보냅니다'],
    ['dns.google이(가) 답합니다', 'dns.google이 답합니다'],
    ['프레임이 eth0(으)로 나갑니다', '프레임이 eth0으로 나갑니다'],
    ['pc1(으)로', 'pc1로'],
    ['192.168.0.10:8001(으)로', '192.168.0.10:8001로'],
    ['10.0.0.3(으)로', '10.0.0.3으로'],
    ['200(으)로 응답', '200으로 응답'],
    ['containerB은(는) 10.0.0.3입니다', 'containerB는 10.0.0.3입니다'],
    ['containerC(이)라는 이름', 'containerC라는 이름'],
    ['브리지 docker0은(는)', '브리지 docker0은'],
    ['br-427796b2c1e1이(가)', 'br-427796b2c1e1이'],
    ['42:03:47:c0:fd:bf을(를)', '42:03:47:c0:fd:bf를'],
    ['google.com은(는)', 'google.com은'],
    ['172.17.0.2:80(web)(으)로', '172.17.0.2:80(web)으로'],
    ['“사용자 정의 브리지와 도커 DNS”을(를)', '“사용자 정의 브리지와 도커 DNS”를'],
    ['DOCKER을(를)', 'DOCKER를'],
    ['TTL이(가)', 'TTL이'],
    ['nicolaka/netshoot(으)로 보내는', 'nicolaka/netshoot으로 보내는'],
    ['ping이(가) 없습니다', 'ping이 없습니다'],
    ['curl이(가) 없습니다', 'curl이 없습니다'],
    ['nginx이(가)', 'nginx가'],
    ['— 이(가)', '— 이(가)'],
  ])('%s → %s', (written, read) => {
    expect(resolveParticles(written)).toBe(read);
  });
});

describe('narration says what changed and why (seed 000)', () => {
  const inbound = lessonTrace('nat-portfwd', 'remote-80');
  const outbound = lessonTrace('nat-portfwd', 'web-google');

  it('conntrack un-NAT of the reply names the source it restores, with ports, and why', () => {
    const [host] = say('en', inbound, 'un-nat', 'docker-host');
    expect(host).toBe(
      'docker-host finds the connection in conntrack and undoes the DNAT on the reply: the source 172.17.0.2:80 becomes 192.168.0.10:8001 again, so the client sees the answer come from the address it asked.',
    );
    const [router] = say('ko', inbound, 'un-nat', 'router');
    expect(router).toBe(
      'router가 conntrack에서 연결을 찾아 응답의 DNAT를 되돌립니다: 출발지 192.168.0.10:8001이 다시 124.111.46.91:80으로 바뀝니다. 그래서 클라이언트는 자기가 요청한 주소에서 답이 온 것으로 봅니다.',
    );
    // the side NAT did not touch is not narrated as "X → X"
    for (const s of inbound.steps) expect(formatExplain('en', s.explain)).not.toMatch(/(\S+) → \1[,. ]/);
  });

  it('the reply to a masqueraded flow restores the destination; later packets of a port forward are conntrack, not -p', () => {
    expect(say('en', outbound, 'un-nat', 'router')).toContain(
      'router finds the masqueraded connection in conntrack and undoes it: the destination 124.111.46.91:56530 becomes 192.168.0.10:56530 again, the machine that really asked.',
    );
    const dnats = say('en', inbound, 'dnat', 'router');
    expect(dnats[0]).toMatch(
      /^The router’s port-forward rule rewrites the destination 124\.111\.46\.91:80 → 192\.168\.0\.10:8001: /,
    );
    expect(dnats[1]).toBe(
      'router finds the connection in conntrack and rewrites this packet’s destination too: 124.111.46.91:80 → 192.168.0.10:8001.',
    );
  });

  it('MASQUERADE and a private address at the internet say why', () => {
    const [masq] = say('en', outbound, 'snat', 'docker-host');
    expect(masq).toContain('because nobody out there could answer 172.17.0.2');
    const priv = lessonTrace('nat-portfwd', 'remote-private');
    const drop = priv.steps.at(-1)!;
    expect(drop.action).toBe('drop');
    expect(formatExplain('ko', drop.explain)).toBe(
      'internet에는 192.168.0.10으로 가는 경로가 없어 패킷을 버립니다. 사설 주소(10/8, 172.16/12, 192.168/16)는 인터넷에서 라우팅되지 않습니다.',
    );
  });

  it('a port the router does not forward is refused by the router, and the narration says why', () => {
    const t = lessonTrace('nat-portfwd', 'remote-8001');
    const refuse = t.steps.find((s) => s.action === 'refuse')!;
    expect(refuse.at).toEqual({ node: 'router' });
    expect(formatExplain('en', refuse.explain)).toBe(
      'router has no port-forward rule for TCP port 8001 and nothing on it listens there: it answers with a reset (RST), the connection is refused.',
    );
    expect(formatExplain('ko', refuse.explain)).toBe(
      'router에는 TCP 8001 포트의 포트포워딩 규칙이 없고 그 포트에서 수신 대기하는 프로그램도 없어 RST로 답합니다: 연결이 거부됩니다.',
    );
  });

  it('a frame on a wire says whose interface it leaves and reaches', () => {
    const [leave, arrive] = inbound.steps.slice(2, 4).map((s) => formatExplain('en', s.explain));
    expect(leave).toBe('The frame leaves remote through eth0.');
    expect(arrive).toBe('The frame arrives at internet on eth1.');
    expect(formatExplain('ko', inbound.steps[3].explain)).toBe('프레임이 internet의 eth1로 들어옵니다.');
  });
});

describe('a name nobody has (seed 004)', () => {
  it('the drop keeps the answer as the DNS steps worded it: no NXDOMAIN → nxdomain "change" in the headers', () => {
    const t = lessonTrace('dns-test', 'a-c-ping');
    const last = t.steps.length - 1;
    expect(t.steps[last].action).toBe('drop');
    expect(t.steps[last].frame.app?.summary).toBe('NXDOMAIN containerC');
    const app = stepHeaders(t.steps, last).find((l) => l.name === 'Application')!;
    expect(app.fields.find((f) => f.name === 'summary')).toEqual({ name: 'summary', value: 'NXDOMAIN containerC' });
  });
});
