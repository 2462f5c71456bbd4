import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { lessonStrings } from './lessons';
import { lowerStrings } from './lower';
import { simStrings } from './sim';

export type Lang = 'en' | 'ko';

let koLoaded = false;
let koLoading: Promise<void> | null = null;
let wanted: Lang = 'en';

/**
 * i18next with flat keys ('toolbar.addContainer'), the app's and simulation mode's catalogues
 * merged. Interpolated values are not HTML-escaped here because React renders them as text.
 * The app's Korean catalogue (./ko, the largest) is its own chunk: an English page never loads it,
 * and a Korean one loads it before the first render (`switchLang`).
 */
export function initI18n(lang: Lang) {
  wanted = lang;
  i18next.use(initReactI18next).init({
    lng: lang === 'ko' && !koLoaded ? 'en' : lang,
    fallbackLng: 'en',
    keySeparator: false,
    resources: {
      en: { translation: { ...simStrings.en, ...lessonStrings.en, ...lowerStrings.en, ...en } },
      ko: { translation: { ...simStrings.ko, ...lessonStrings.ko, ...lowerStrings.ko } },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Loads the Korean catalogue once (a separate chunk) and adds it to i18next's resources. */
export function loadKorean(): Promise<void> {
  koLoading ??= import('./ko').then(({ ko }) => {
    i18next.addResourceBundle('ko', 'translation', ko, true, true);
    koLoaded = true;
  });
  return koLoading;
}

/**
 * Switches i18next to `lang`, loading the Korean catalogue first when it is not there yet; when the
 * person picks again while it loads, the last choice wins.
 */
export async function switchLang(lang: Lang): Promise<void> {
  wanted = lang;
  if (lang === 'ko') await loadKorean();
  if (wanted === lang && i18next.language !== lang) await i18next.changeLanguage(lang);
}

/** `?lang=ko` wins, then the saved choice, then the browser's language. */
export function pickLang(search: string, saved: Lang | undefined, browser: string | undefined): Lang {
  const q = new URLSearchParams(search).get('lang');
  if (q === 'ko' || q === 'en') return q;
  if (saved) return saved;
  return browser?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
