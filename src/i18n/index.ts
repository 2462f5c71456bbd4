import { en } from './en';
import { lessonStrings } from './lessons';
import { lowerStrings } from './lower';
import { simStrings } from './sim';
import { addStrings, type Lang, setLanguage } from './translate';

export type { Lang, TFunction } from './translate';
export { i18n, useTranslation } from './translate';

let koLoaded = false;
let koLoading: Promise<void> | null = null;
let wanted: Lang = 'en';

/**
 * The catalogues with flat keys ('toolbar.addContainer'), the app's and simulation mode's merged
 * (translate.ts). The app's Korean catalogue (./ko, the largest) is its own chunk: an English page
 * never loads it, and a Korean one loads it before the first render (`switchLang`).
 */
export function initI18n(lang: Lang): void {
  wanted = lang;
  addStrings('en', { ...simStrings.en, ...lessonStrings.en, ...lowerStrings.en, ...en });
  addStrings('ko', { ...simStrings.ko, ...lessonStrings.ko, ...lowerStrings.ko });
  setLanguage(lang === 'ko' && !koLoaded ? 'en' : lang);
}

/** Loads the Korean catalogue once (a separate chunk) and adds it to the catalogues. */
export function loadKorean(): Promise<void> {
  koLoading ??= import('./ko').then(({ ko }) => {
    addStrings('ko', ko, true);
    koLoaded = true;
  });
  return koLoading;
}

/**
 * Switches the page to `lang`, loading the Korean catalogue first when it is not there yet; when the
 * person picks again while it loads, the last choice wins.
 */
export async function switchLang(lang: Lang): Promise<void> {
  wanted = lang;
  if (lang === 'ko') await loadKorean();
  if (wanted === lang) setLanguage(lang);
}

/** `?lang=ko` wins, then the saved choice, then the browser's language. */
export function pickLang(search: string, saved: Lang | undefined, browser: string | undefined): Lang {
  const q = new URLSearchParams(search).get('lang');
  if (q === 'ko' || q === 'en') return q;
  if (saved) return saved;
  return browser?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
