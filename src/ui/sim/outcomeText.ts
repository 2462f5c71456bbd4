import type { Lang } from '../../i18n/trace';

/** Korean for the engine's outcome summaries (`Trace.outcome.summary`, worded in English). */
const KO: [RegExp, string][] = [
  [/^(\d+)\/(\d+) replies from (.+)$/, '$3에서 응답 $1/$2'],
  [/^HTTP (\d+) from (.+)$/, '$2에서 HTTP $1 응답'],
  [/^timed out$/, '시간 초과'],
  [/^connection refused$/, '연결 거부됨'],
  [/^connection reset$/, '연결이 끊김(reset)'],
  [/^host unreachable$/, '호스트에 도달할 수 없음'],
  [/^network unreachable$/, '네트워크에 도달할 수 없음'],
  [/^port unreachable$/, '포트에 도달할 수 없음'],
  [/^name not (known|resolvable)$/, '이름을 찾을 수 없음'],
  [/^empty reply$/, '빈 응답'],
  [/^no answer \(interrupted\)$/, '응답 없음(중단됨)'],
  [/^too many redirects$/, '리디렉션이 너무 많음'],
  [/^no address to try$/, '시도할 주소가 없음'],
];

/**
 * The outcome line in the chosen language; a summary it does not know stays as the engine wrote it.
 * @example outcomeText('ko', '1/1 replies from 10.0.0.3') // '10.0.0.3에서 응답 1/1'
 */
export function outcomeText(lang: Lang, summary: string): string {
  if (lang !== 'ko') return summary;
  // a challenge's goal that should not reach: what answered, and how (check.ts)
  const answered = /^(.+) answered: (.+)$/.exec(summary);
  if (answered) return `${answered[1]}에서 응답함: ${outcomeText(lang, answered[2])}`;
  for (const [re, ko] of KO) if (re.test(summary)) return summary.replace(re, ko);
  return summary;
}
