import type { LocalizedName, Provenance } from './model.js';

/**
 * Merging facts into a record that exists (an import naming a known node, two nodes merged by an
 * editor): it adds, never overwrites. A field the record lacks is taken; a field it has with
 * another value is a conflict, and the record's value is kept unless `replace` is asked for.
 *
 * Provenance follows ONE rule everywhere: a citation is a place in a source, so a record cites a
 * (source, locator) pair at most once. Another locator in the same source is more evidence and
 * is added; the same place again changes nothing (which keeps imports idempotent).
 *
 * Names per language (`names`) merge per language: a language the record lacks is added; the same
 * text in a language adds its citations by the rule above; another text in a language the record
 * has is a conflict (field `names.<lang>`), like any other field.
 */

export interface FieldConflict {
  field: string;
  /** The record's value (kept unless replaced). */
  current: unknown;
  /** The value offered. */
  offered: unknown;
  replaced: boolean;
}

export interface Merged<T> {
  /** A copy of the record with the facts merged in (the record itself is never modified). */
  value: T;
  conflicts: FieldConflict[];
  /** Whether `value` differs from the record. */
  changed: boolean;
}

/** Whether `sources` already cites `p`: the same source at the same locator. */
export function cites(sources: readonly Provenance[], p: Provenance): boolean {
  return sources.some((s) => s.source === p.source && s.locator === p.locator);
}

/** Appends to `sources` each citation of `more` it does not have yet, in order; returns `sources`. */
export function addCitations(sources: Provenance[], more: readonly Provenance[]): Provenance[] {
  for (const p of more) if (!cites(sources, p)) sources.push(p);
  return sources;
}

/**
 * Merges `facts` (field -> value; undefined values are ignored) and the citations `sources` into
 * a copy of `record`. Values are compared as JSON, so equal lists or objects are no conflict.
 */
export function mergeInto<T extends { sources: Provenance[] }>(
  record: T,
  facts: Readonly<Record<string, unknown>>,
  sources: readonly Provenance[],
  options: { replace?: boolean } = {},
): Merged<T> {
  const value = structuredClone(record);
  const fields = value as unknown as Record<string, unknown>;
  const conflicts: FieldConflict[] = [];
  for (const [field, offered] of Object.entries(facts)) {
    if (offered === undefined) continue;
    const current = fields[field];
    if (field === 'names' && Array.isArray(offered)) {
      const names = mergeNames((current as LocalizedName[] | undefined) ?? [], offered as LocalizedName[], options.replace === true);
      fields[field] = names.names;
      conflicts.push(...names.conflicts);
      continue;
    }
    if (current === undefined) fields[field] = offered;
    else if (JSON.stringify(current) !== JSON.stringify(offered)) {
      const replaced = options.replace === true;
      conflicts.push({ field, current, offered, replaced });
      if (replaced) fields[field] = offered;
    }
  }
  addCitations(value.sources, sources);
  return { value, conflicts, changed: JSON.stringify(value) !== JSON.stringify(record) };
}

/** Orders names by language code, the one order every store and export keeps. */
export function byLang(a: LocalizedName, b: LocalizedName): number {
  return a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0;
}

/**
 * Merges names per language (see the module comment): returns a new list ordered by language, and
 * the conflicts (`names.<lang>`: the current text kept, unless `replace`, with its citations).
 */
export function mergeNames(
  current: readonly LocalizedName[],
  offered: readonly LocalizedName[],
  replace: boolean,
): { names: LocalizedName[]; conflicts: FieldConflict[] } {
  const names = structuredClone(current) as LocalizedName[];
  const conflicts: FieldConflict[] = [];
  for (const o of offered) {
    const at = names.findIndex((n) => n.lang === o.lang);
    const name = names[at];
    if (!name) names.push(structuredClone(o));
    else if (name.text === o.text) addCitations(name.sources, o.sources);
    else {
      conflicts.push({ field: `names.${o.lang}`, current: name.text, offered: o.text, replaced: replace });
      if (replace) names[at] = structuredClone(o);
    }
  }
  return { names: names.sort(byLang), conflicts };
}
