import worldCountries from 'world-countries';
import { normalizeText } from './normalize.js';
import type { GraphNode, LocalizedName, Provenance } from './model.js';

/**
 * ISO 3166-1 alpha-2 countries and how free text names them. The list comes from the
 * world-countries package (names, official names, alternative spellings and translations);
 * EXTRA_NAMES adds what datasets write and that list lacks (the nations of the United Kingdom,
 * historical or colloquial names). Matching is on normalised text (accents, case, punctuation).
 */

export interface CountryInfo {
  code: string;
  name: string;
}

const EXTRA_NAMES: Record<string, readonly string[]> = {
  GB: ['England', 'Scotland', 'Wales', 'Northern Ireland', 'Great Britain', 'Britain', 'UK'],
  IE: ['Republic of Ireland', 'Eire'],
  GE: ['Georgia (country)'],
  MK: ['Macedonia', 'Republic of Macedonia', 'FYROM'],
  CZ: ['Czech Republic', 'Czechia'],
  TL: ['East Timor'],
  CV: ['Cape Verde', 'Cabo Verde'],
  SZ: ['Swaziland', 'Eswatini'],
  MM: ['Burma'],
  PS: ['Palestine', 'State of Palestine', 'West Bank', 'Gaza', 'Gaza Strip'],
  CD: ['Democratic Republic of the Congo', 'DR Congo', 'Congo-Kinshasa'],
  CG: ['Congo', 'Republic of the Congo', 'Congo-Brazzaville'],
  FM: ['Micronesia', 'Federated States of Micronesia'],
  KR: ['South Korea', 'Korea, South'],
  KP: ['North Korea', 'Korea, North'],
  RU: ['Russia', 'Russian Federation'],
  US: ['United States', 'United States of America', 'USA'],
  VA: ['Vatican', 'Holy See'],
  XK: ['Kosovo'],
  TW: ['Taiwan', 'Republic of China'],
  TR: ['Turkey'],
  LA: ['Laos'],
  SR: ['Surinam'],
};

const countries: CountryInfo[] = worldCountries
  .map((c) => ({ code: c.cca2, name: c.name.common }))
  .filter((c) => /^[A-Z]{2}$/.test(c.code))
  .sort((a, b) => (a.code < b.code ? -1 : 1));
const byCode = new Map(countries.map((c) => [c.code, c]));

/**
 * Normalised name -> codes, in two tiers: English names and spellings first, then translations
 * and native names (where "Guyane" or "Sudán" may name another country than in English). A name
 * claimed by two countries within its tier is ambiguous there.
 */
const englishNames = new Map<string, Set<string>>();
const otherNames = new Map<string, Set<string>>();
function addName(names: Map<string, Set<string>>, name: string, code: string): void {
  const key = normalizeText(name);
  if (key.length < 2) return;
  let codes = names.get(key);
  if (!codes) names.set(key, (codes = new Set()));
  codes.add(code);
}
for (const c of worldCountries) {
  if (!byCode.has(c.cca2)) continue;
  addName(englishNames, c.name.common, c.cca2);
  addName(englishNames, c.name.official, c.cca2);
  for (const alt of c.altSpellings) if (alt.length > 2) addName(englishNames, alt, c.cca2);
  for (const t of Object.values(c.translations)) addName(otherNames, t.common, c.cca2);
  for (const n of Object.values(c.name.native)) addName(otherNames, n.common, c.cca2);
}
// The curated extras win over whatever else a name happened to collide with.
for (const [code, names] of Object.entries(EXTRA_NAMES)) {
  for (const name of names) englishNames.set(normalizeText(name), new Set([code]));
}

function codeOfName(key: string): string | undefined {
  for (const names of [englishNames, otherNames]) {
    const codes = names.get(key);
    if (codes?.size === 1) return [...codes][0];
    if (codes) return undefined;
  }
  return undefined;
}

export function countryByCode(code: string): CountryInfo | undefined {
  return byCode.get(code.toUpperCase());
}

/** The SOURCE node id of the world-countries data set, which country names per language cite. */
export const WORLD_COUNTRIES_SOURCE_ID = 'world-countries';

/**
 * The world-countries data set as a SOURCE node: what a COUNTRY node's names per language cite.
 * One definition for the seed (graph-seed/data/00-sources.yaml must match it, a test checks) and
 * for imports that create COUNTRY nodes.
 */
export function worldCountriesSource(importedAt?: string): GraphNode {
  return {
    id: WORLD_COUNTRIES_SOURCE_ID,
    kind: 'SOURCE',
    name: 'World countries in JSON, CSV, XML and YAML',
    altNames: ['world-countries', 'mledoze/countries'],
    names: [],
    sourceType: 'DATASET',
    authors: 'Mohammed Le Doze',
    publisher: 'mledoze/countries on GitHub (npm package world-countries), Open Database License (ODbL) 1.0',
    url: 'https://github.com/mledoze/countries',
    description:
      'A list of the countries of ISO 3166-1 with their names in English and translations into other languages; licensed under the Open Database License (ODbL) 1.0.',
    sources: [
      {
        source: WORLD_COUNTRIES_SOURCE_ID,
        locator: 'README.md',
        quote: 'World countries in JSON, CSV, XML and YAML.',
        ...(importedAt ? { importedAt } : {}),
      },
    ],
  };
}

/** Where each language's name of a country is in world-countries' records. */
const NAME_PATHS: Readonly<Record<string, readonly string[]>> = {
  en: ['name', 'common'],
  fr: ['translations', 'fra', 'common'],
  nl: ['translations', 'nld', 'common'],
};
const recordOf = new Map(worldCountries.map((c) => [c.cca2, c as unknown as Record<string, unknown>]));

/** The text at a locator of world-countries ("BE: translations.nld.common"), or undefined. */
export function worldCountriesValue(locator: string): string | undefined {
  const match = /^([A-Z]{2}): ([a-z]+(?:\.[a-z]+)*)$/.exec(locator);
  let value: unknown = match ? recordOf.get(match[1]!) : undefined;
  for (const key of match ? match[2]!.split('.') : []) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The quote a citation of world-countries gives for the value at its locator: the JSON member, verbatim. */
export function worldCountriesQuote(value: string): string {
  return `"common": ${JSON.stringify(value)}`;
}

/**
 * A country's names in English, French and Dutch from world-countries (`name.common`,
 * `translations.fra.common`, `translations.nld.common`), each citing its place in the data set;
 * in language order. `languages` narrows them (the seed leaves out an English name that differs
 * from the source document's).
 */
export function countryNames(code: string, importedAt?: string, languages: readonly string[] = Object.keys(NAME_PATHS)): LocalizedName[] {
  const names: LocalizedName[] = [];
  for (const lang of Object.keys(NAME_PATHS).sort()) {
    if (!languages.includes(lang)) continue;
    const locator = `${code.toUpperCase()}: ${NAME_PATHS[lang]!.join('.')}`;
    const text = worldCountriesValue(locator);
    if (text === undefined) continue;
    const source: Provenance = { source: WORLD_COUNTRIES_SOURCE_ID, locator, quote: worldCountriesQuote(text) };
    if (importedAt) source.importedAt = importedAt;
    names.push({ lang, text, sources: [source] });
  }
  return names;
}

/** Why a citation of world-countries does not hold (its locator names no text, or the quote is not that text), or undefined. */
export function worldCountriesCitationProblem(p: Provenance): string | undefined {
  const value = worldCountriesValue(p.locator);
  if (value === undefined) return `the locator "${p.locator}" names no text in world-countries (write it as "BE: translations.nld.common")`;
  if (p.quote !== worldCountriesQuote(value))
    return `the quote must be ${worldCountriesQuote(value)}, what world-countries has at ${p.locator}`;
  return undefined;
}

export type CountryResolution = { code: string } | { problem: string };

/**
 * Resolves a free-text country ("Belgium", "BE", "England, United Kingdom", "Réunion, France",
 * "Georgia (country)") to an ISO code. Tries the whole text, then the text without a bracketed
 * note, then each comma-separated part from the first (the most specific: a territory with its
 * own code before the state it belongs to). Never guesses: a misspelling is a problem, with the
 * closest known name as a hint.
 */
export function resolveCountry(text: string, aliases?: ReadonlyMap<string, string>): CountryResolution {
  const raw = text.trim();
  if (raw === '') return { problem: 'the country is empty' };
  const candidates = [raw, raw.replace(/\([^)]*\)/g, ''), ...raw.split(',')];
  for (const candidate of candidates) {
    const key = normalizeText(candidate).replace(/^in /, '');
    if (key === '') continue;
    const alias = aliases?.get(key);
    if (alias) return { code: alias };
    if (/^[a-z]{2}$/.test(key) && byCode.has(key.toUpperCase()) && candidate.trim().length === 2) return { code: key.toUpperCase() };
    const code = codeOfName(key);
    if (code) return { code };
  }
  const hint = closestName(normalizeText(raw));
  return {
    problem: `the country "${raw}" is not a country name or ISO code this importer knows${hint ? ` (did you mean ${hint}?)` : ''}; add it to "countryAliases" in the mapping`,
  };
}

function closestName(key: string): string | undefined {
  if (key.length < 4) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of englishNames.keys()) {
    if (Math.abs(name.length - key.length) > 2) continue;
    const d = editDistance(key, name, 2);
    if (d <= 2 && (!best || d < best.distance)) best = { name, distance: d };
  }
  if (!best) return undefined;
  const code = [...englishNames.get(best.name)!][0]!;
  return `"${byCode.get(code)?.name ?? best.name}" (${code})`;
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}
