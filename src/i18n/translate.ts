import { useSyncExternalStore } from 'react';

/**
 * The app's translations: flat keys ('toolbar.addContainer') in an English and a Korean catalogue,
 * `{{name}}` filled from the options, `_one`/`_other` picked by `count`, a key missing in Korean
 * read from English, then `defaultValue`, then the key itself. This is all the app used of
 * i18next, which cost 55 KB of the first picture's script and ~50 µs a call on a slow laptop's
 * first render (issue 11). Values are not HTML-escaped: React renders them as text.
 */
export type Lang = 'en' | 'ko';

/** Options of one lookup: `count` picks the plural form, `defaultValue` stands in for a missing key, the rest fill `{{…}}`. */
export type TOptions = { count?: number; defaultValue?: string } & Record<string, unknown>;
export type TFunction = (key: string, options?: TOptions) => string;

type Catalogue = Record<string, string>;

const catalogues: Record<Lang, Catalogue> = { en: {}, ko: {} };
const plural: Partial<Record<Lang, Intl.PluralRules>> = {};

/** `{{ name }}` (or `{{a.b}}`) in a text; a name the options lack stays as written. */
const SLOT = /{{\s*([^{}\s]+)\s*}}/g;

function fill(text: string, options: TOptions): string {
  if (!text.includes('{{')) return text;
  return text.replace(SLOT, (slot, path: string) => {
    let v: unknown = options;
    for (const part of path.split('.'))
      v = v === null || typeof v !== 'object' ? undefined : (v as Record<string, unknown>)[part];
    return v === undefined || v === null ? slot : String(v);
  });
}

function lookup(lang: Lang, key: string, count: number | undefined): string | undefined {
  const cat = catalogues[lang];
  if (count !== undefined) {
    plural[lang] ??= new Intl.PluralRules(lang);
    const form = cat[`${key}_${plural[lang].select(count)}`];
    if (form !== undefined) return form;
  }
  return cat[key];
}

/** The lookup function for `lang`. */
export function translator(lang: Lang): TFunction {
  return (key, options) => {
    const count = typeof options?.count === 'number' ? options.count : undefined;
    const text =
      lookup(lang, key, count) ??
      (lang === 'en' ? undefined : lookup('en', key, count)) ??
      options?.defaultValue ??
      key;
    return options ? fill(text, options) : text;
  };
}

/** Adds `strings` to `lang`'s catalogue; a key already there is kept unless `overwrite`. */
export function addStrings(lang: Lang, strings: Catalogue, overwrite = false): void {
  const cat = catalogues[lang];
  for (const k in strings) if (overwrite || !(k in cat)) cat[k] = strings[k];
}

/** The page's language and its lookup function; a new object whenever the language changes. */
export interface I18n {
  language: Lang;
  t: TFunction;
}

let current: I18n = { language: 'en', t: translator('en') };
const listeners = new Set<() => void>();

/** The page's language and lookup, outside React. */
export function i18n(): I18n {
  return current;
}

/** Switches the page to `lang`: every component that translates renders again. */
export function setLanguage(lang: Lang): void {
  if (current.language === lang) return;
  current = { language: lang, t: translator(lang) };
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => current;

/** `t` for the page's language and the language itself (`i18n.language`); re-renders when it changes. */
export function useTranslation(): { t: TFunction; i18n: I18n } {
  const now = useSyncExternalStore(subscribe, snapshot, snapshot);
  return { t: now.t, i18n: now };
}
