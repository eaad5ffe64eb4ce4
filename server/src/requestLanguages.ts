import type express from 'express';
import { primaryLanguage } from './domain/names.js';

/** How many languages of one Accept-Language header count: more never changes a name. */
const MAX_LANGUAGES = 8;

/**
 * The languages a request asks for, from its Accept-Language header: by q-value, highest first
 * (ties in the order written), q=0 left out (Express's parser, negotiator), each reduced to its
 * primary subtag as names use it ("nl-BE" -> "nl"), without repeats; "*" and malformed tags left out.
 */
export function requestLanguages(req: express.Request): string[] {
  if (!req.headers['accept-language']) return [];
  const languages: string[] = [];
  for (const tag of req.acceptsLanguages()) {
    const lang = primaryLanguage(tag);
    if (lang && !languages.includes(lang)) languages.push(lang);
    if (languages.length === MAX_LANGUAGES) break;
  }
  return languages;
}
