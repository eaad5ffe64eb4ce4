import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enDomain from './locales/en/domain.json';
import enMessages from './locales/en/messages.json';
import enUi from './locales/en/ui.json';
import frDomain from './locales/fr/domain.json';
import frMessages from './locales/fr/messages.json';
import frUi from './locales/fr/ui.json';
import nlDomain from './locales/nl/domain.json';
import nlMessages from './locales/nl/messages.json';
import nlUi from './locales/nl/ui.json';
import { DEFAULT_LANG, type Lang } from './languages.js';

/**
 * The explorer's message catalogues (ADR 0020): one JSON file per language and namespace, all
 * bundled (a few kilobytes each), so a switch of language is a synchronous re-render, never a fetch.
 *   ui        the explorer's own words: toolbar, panels, ARIA labels
 *   domain    the graph's vocabulary: kinds, relationship kinds, partnership types, enums, approaches
 *   messages  loading states, empty states and errors
 */
export const NAMESPACES = ['ui', 'domain', 'messages'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const resources = {
  en: { ui: enUi, domain: enDomain, messages: enMessages },
  nl: { ui: nlUi, domain: nlDomain, messages: nlMessages },
  fr: { ui: frUi, domain: frDomain, messages: frMessages },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: (typeof resources)['en'];
  }
}

/** The explorer's one i18next instance; its language follows AppState.lang (the controller sets it). */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANG,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: ['en', 'nl', 'fr'],
  ns: NAMESPACES,
  defaultNS: 'ui',
  // Everything is bundled: init and changeLanguage finish before they return.
  initAsync: false,
  // React escapes what it renders; the strings also go to ARIA labels and canvas labels.
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});

/** Switches the language of every t(); components with useTranslation re-render. */
export function applyLanguage(lang: Lang): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang;
    document.title = i18n.t('app.documentTitle');
  }
}

export const currentLang = (): Lang => i18n.language as Lang;

/** t() for code outside React (kinds, controller messages, API errors): always the current language. */
export const t: typeof i18n.t = i18n.t.bind(i18n);

/** A number in the active language (1,234 · 1.234 · 1 234). */
export const formatNumber = (n: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(i18n.language, options).format(n);

/** A date (and time, if asked) in the active language. */
export const formatDate = (d: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string =>
  new Intl.DateTimeFormat(i18n.language, options).format(new Date(d));
