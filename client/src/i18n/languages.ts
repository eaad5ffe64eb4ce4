/** The explorer's languages, in the order the switch lists them; English is the fallback. */
export const LANGUAGES = ['en', 'nl', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'en';

/** Each language's name in itself, as the switch shows it (a name is never translated). */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', nl: 'Nederlands', fr: 'Français' };

/** Where the choice made in the switch is kept between visits. */
export const LANG_STORAGE_KEY = 'atlas.lang';

export const isLang = (s: unknown): s is Lang => typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);

/** A BCP 47 tag ("nl-BE", "fr", "en-US") as one of ours, by its primary subtag; null when none fits. */
export function langOfTag(tag: string | null | undefined): Lang | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : null;
}

export interface LanguageHints {
  /** The URL's ?lang= value, if any. */
  param?: string | null;
  /** The stored choice, if any. */
  stored?: string | null;
  /** The browser's preferences, most wanted first (navigator.languages). */
  browser?: readonly string[];
}

/**
 * The language to show: the URL's ?lang=, else the stored choice, else the first of the browser's
 * languages that the explorer has, else English. A value that is not one of ours is skipped.
 */
export function detectLanguage({ param, stored, browser = [] }: LanguageHints): Lang {
  if (isLang(param)) return param;
  if (isLang(stored)) return stored;
  for (const tag of browser) {
    const lang = langOfTag(tag);
    if (lang) return lang;
  }
  return DEFAULT_LANG;
}

/** The stored choice and the browser's languages of this page (none outside a browser). */
export function browserHints(): Omit<LanguageHints, 'param'> {
  let stored: string | null = null;
  try {
    stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    // Storage refused (private mode, a sandbox): no stored choice.
  }
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return { stored, browser };
}

/** Keeps the choice made in the switch; a storage that refuses is no error. */
export function storeLanguage(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not kept: the URL still carries it.
  }
}
