import type { Lang } from '../../i18n/trace';
import { useTranslation } from '../../i18n/translate';
import { useSim } from './useSim';

/** The narration language for a language code ("ko", "ko-KR" → ko; anything else → en). */
export function langOf(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** The narration language: the app's chosen language, else the page's. */
export function useNarrationLang(): Lang {
  const chosen = useSim((s) => s.lang);
  const { i18n } = useTranslation();
  return langOf(chosen ?? i18n.language);
}
