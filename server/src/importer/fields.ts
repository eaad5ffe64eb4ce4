import {
  AMOUNT_PERIODS,
  DURATION_UNITS,
  MUNICIPALITY_LEVELS,
  NETWORK_SCOPES,
  NODE_KINDS,
  ORG_TYPES,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  PLACE_TYPES,
  PROJECT_STATUSES,
  QUANTITY_QUALIFIERS,
  SOURCE_TYPES,
} from '../domain/model.js';

/**
 * Cell text to typed field values, for tabular imports. A wrong type is the file's fault and is
 * reported with the column and the value; an empty cell means "not given".
 */

const INTEGER_FIELDS = new Set(['foundedYear', 'memberCount', 'since', 'until', 'startYear', 'endYear', 'number', 'year', 'population']);
const NUMBER_FIELDS = new Set(['amount', 'amountMax', 'latitude', 'longitude', 'duration', 'durationMax']);
const ENUM_FIELDS: Record<string, readonly string[]> = {
  kind: NODE_KINDS,
  level: MUNICIPALITY_LEVELS,
  placeType: PLACE_TYPES,
  orgType: ORG_TYPES,
  scope: NETWORK_SCOPES,
  memberCountQualifier: QUANTITY_QUALIFIERS,
  partnershipType: PARTNERSHIP_TYPES,
  status: [...new Set([...PARTNERSHIP_STATUSES, ...PROJECT_STATUSES])],
  amountPeriod: AMOUNT_PERIODS,
  durationUnit: DURATION_UNITS,
  sourceType: SOURCE_TYPES,
};

export class FieldError extends Error {}

/** The typed value of a cell for a field; undefined for an empty cell. Throws FieldError. */
export function convertField(field: string, text: string | number): unknown {
  if (typeof text === 'number') return text;
  const value = text.trim();
  if (value === '') return undefined;
  if (INTEGER_FIELDS.has(field)) {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new FieldError(`${field} must be a whole number, not "${value}"`);
    return n;
  }
  if (NUMBER_FIELDS.has(field)) {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new FieldError(`${field} must be a number, not "${value}"`);
    return n;
  }
  const allowed = ENUM_FIELDS[field];
  if (allowed) {
    const upper = value.toUpperCase().replace(/[\s-]+/g, '_');
    if (!allowed.includes(upper)) throw new FieldError(`${field} must be one of ${allowed.join(', ')}, not "${value}"`);
    return upper;
  }
  return value;
}

/** Alternative names from one cell: "|"-separated (commas belong to names such as "Washington, D.C."). */
export function splitNames(text: string | undefined, separator = '|'): string[] {
  if (!text) return [];
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** At most this many of a gazetteer's alternate names are kept per place. */
export const MAX_GAZETTEER_ALT_NAMES = 40;

/**
 * Which alternate names of a gazetteer row (GeoNames' `alternatenames`: every language and script,
 * none labelled) a place keeps as alternative names: names in Latin script (what the atlas's
 * readers type), written as names (a capital first: GeoNames writes transliterations in lower
 * case), not codes (BRU, ANR), each spelling once (accents and case aside), not the place's own
 * name, in the file's order, at most MAX_GAZETTEER_ALT_NAMES. All of them still serve to match.
 */
export function gazetteerAltNames(names: readonly string[], name: string | undefined): string[] {
  const key = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
  const seen = new Set(name === undefined ? [] : [key(name)]);
  const kept: string[] = [];
  for (const candidate of names) {
    if (!/^\p{Lu}/u.test(candidate) || /^\p{Lu}{2,4}$/u.test(candidate)) continue;
    if (/[^\p{Script=Latin}\p{M}\s'’.()0-9-]/u.test(candidate)) continue;
    const k = key(candidate);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(candidate);
    if (kept.length === MAX_GAZETTEER_ALT_NAMES) break;
  }
  return kept;
}
