import type { Lang } from '../../i18n/trace';

/** The narration language for an i18next language code ("ko", "ko-KR" → ko; anything else → en). */
export function langOf(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
