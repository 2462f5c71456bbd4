import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';
import { simStrings } from './sim';

export type Lang = 'en' | 'ko';

/**
 * i18next with flat keys ('toolbar.addContainer'), the app's and simulation mode's catalogues
 * merged. Interpolated values are not HTML-escaped here because React renders them as text.
 */
export function initI18n(lang: Lang) {
  i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    keySeparator: false,
    resources: {
      en: { translation: { ...simStrings.en, ...en } },
      ko: { translation: { ...simStrings.ko, ...ko } },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** `?lang=ko` wins, then the saved choice, then the browser's language. */
export function pickLang(search: string, saved: Lang | undefined, browser: string | undefined): Lang {
  const q = new URLSearchParams(search).get('lang');
  if (q === 'ko' || q === 'en') return q;
  if (saved) return saved;
  return browser?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
