/**
 * English and Korean texts for every trace-step explanation key (issue 3). Plain data, no i18next:
 * the headless runner and tests read it too. Owned by the packet-engine work.
 */
export type Lang = 'en' | 'ko';

export const traceMessages: Record<Lang, Record<string, string>> = { en: {}, ko: {} };

/** Fills `{param}` placeholders of a step's explanation in the chosen language. */
export function formatExplain(lang: Lang, explain: { key: string; params: Record<string, string | number> }): string {
  const template = traceMessages[lang][explain.key] ?? traceMessages.en[explain.key] ?? explain.key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(explain.params[k] ?? `{${k}}`));
}
