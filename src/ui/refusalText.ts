import type { TFunction } from '../i18n/translate';
import type { Refusal } from '../io/zodRefusal';

/** A refusal in the reader's language: the field, then why (an expectation is itself translated). */
export function refusalText(t: TFunction, r: Refusal): string {
  const params = r.params.expected
    ? { ...r.params, expected: t(`import.expect.${r.params.expected}`, { defaultValue: r.params.expected }) }
    : r.params;
  return t('import.refused', { at: r.at || t('import.theInput'), why: t(`import.why.${r.code}`, params) });
}
