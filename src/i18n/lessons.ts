/**
 * UI strings of the lesson frame (issue 11): the narrated steps, predict questions and
 * checkpoints of a loaded lesson. Merged into the catalogues like sim.ts. Plain text only.
 */
const en: Record<string, string> = {
  'sim.guide.title': 'Lesson steps: {{title}}',
  'sim.guide.step': 'Lesson step {{n}} of {{total}}',
  'sim.guide.prev': '← Previous',
  'sim.guide.next': 'Next →',
  'sim.guide.send': 'Send: {{label}}',
  'sim.guide.right': 'Right.',
  'sim.guide.wrong': 'Not this time.',
  'sim.guide.proved': 'The trace shows: {{answer}}.',
  'sim.guide.none': 'none of the choices',
  'sim.guide.wait': 'Play the packet to its last step (or press End) to see who was right.',
  'sim.guide.checkpoint': 'Check:',
  'sim.guide.run': 'Run',
  'sim.guide.checkOk': '✓ it prints {{shows}}',
  'sim.guide.checkFail': '✗ it does not print {{shows}}',
};

const ko: Record<string, string> = {
  'sim.guide.title': '수업 단계: {{title}}',
  'sim.guide.step': '수업 {{total}}단계 중 {{n}}단계',
  'sim.guide.prev': '← 이전',
  'sim.guide.next': '다음 →',
  'sim.guide.send': '보내기: {{label}}',
  'sim.guide.right': '맞았습니다.',
  'sim.guide.wrong': '이번에는 아닙니다.',
  'sim.guide.proved': '트레이스가 보여 주는 답: {{answer}}.',
  'sim.guide.none': '보기 중에 없음',
  'sim.guide.wait': '패킷을 마지막 단계까지 재생하면(또는 End 키) 정답이 보입니다.',
  'sim.guide.checkpoint': '확인:',
  'sim.guide.run': '실행',
  'sim.guide.checkOk': '✓ {{shows}} 출력됨',
  'sim.guide.checkFail': '✗ {{shows}} 출력되지 않음',
};

export const lessonStrings: { en: Record<string, string>; ko: Record<string, string> } = { en, ko };
