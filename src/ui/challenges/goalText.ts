import { resolveParticles } from '../../i18n/josa';
import type { Goal } from '../../sim/challenges/schema';

type T = (k: string, o?: Record<string, string>) => string;

/** A goal in words: its own label when the file gives one, else one made from its fields. */
export function goalText(goal: Goal, lang: 'en' | 'ko', t: T): string {
  if (goal.label) return goal.label[lang];
  return resolveParticles(words(goal, t));
}

function words(goal: Goal, t: T): string {
  if (goal.kind === 'ping') return t(`challenge.goal.ping.${goal.expect}`, { from: goal.from, to: goal.to });
  if (goal.kind === 'http') {
    const base = t(`challenge.goal.http.${goal.expect}`, { from: goal.from, url: goal.url });
    const by = goal.servedBy ? t('challenge.goal.servedBy', { name: goal.servedBy }) : '';
    const body = goal.body ? t('challenge.goal.body', { text: goal.body }) : '';
    return [base, by, body].filter(Boolean).join(' ');
  }
  return t('challenge.goal.isolated', { from: goal.from, to: goal.to });
}
