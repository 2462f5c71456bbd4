import { describe, expect, it } from 'vitest';
import { runLine, runScript } from '../../../src/sim/console';
import { SCENES, sceneWorld } from '../../../src/sim/scenes';
import { outcomeText } from '../../../src/ui/sim/outcomeText';

describe('the outcome line in Korean', () => {
  it.each([
    ['1/1 replies from 10.0.0.3', '10.0.0.3에서 응답 1/1'],
    ['HTTP 200 from 124.111.46.91:80', '124.111.46.91:80에서 HTTP 200 응답'],
    ['timed out', '시간 초과'],
    ['connection refused', '연결 거부됨'],
    ['name not known', '이름을 찾을 수 없음'],
    ['empty reply', '빈 응답'],
    ['192.168.0.10:5432 answered: empty reply', '192.168.0.10:5432에서 응답함: 빈 응답'],
    ['172.17.0.2 answered: 1/1 replies from 172.17.0.2', '172.17.0.2에서 응답함: 172.17.0.2에서 응답 1/1'],
    ['no address to try', '시도할 주소가 없음'],
    ['something new', 'something new'],
  ])('%s → %s', (en, ko) => {
    expect(outcomeText('ko', en)).toBe(ko);
    expect(outcomeText('en', en)).toBe(en);
  });

  it('every lesson packet’s outcome reads in Korean', () => {
    for (const scene of SCENES)
      for (const p of scene.packets) {
        const { session } = runScript(sceneWorld(scene), `${scene.script.join('\n')}\n`);
        const summary = runLine(session, p.line).trace!.outcome.summary;
        expect(outcomeText('ko', summary), `${scene.id} ${p.id}: ${summary}`).toMatch(/[가-힣]/);
      }
  });
});
