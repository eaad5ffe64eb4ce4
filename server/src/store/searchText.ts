import type { GraphNode } from '../domain/model.js';
import { normalizeText } from '../domain/normalize.js';

/**
 * The matching and ranking rules of `search`, shared by both stores so that they rank alike, over
 * text normalised by domain/normalize.ts.
 */

/**
 * The normalised names search ranks and entity resolution matches, without repeats: the primary
 * names first (the name, then the names per language), then the alternative names. `primary` is
 * how many lead the list: an exact hit on any of them scores like one on the name itself.
 */
export function searchNamesOf(node: Pick<GraphNode, 'name' | 'altNames' | 'names'>): { names: string[]; primary: number } {
  const names: string[] = [];
  const add = (text: string) => {
    const normalized = normalizeText(text);
    if (normalized !== '' && !names.includes(normalized)) names.push(normalized);
  };
  add(node.name);
  for (const n of node.names ?? []) add(n.text);
  const primary = names.length;
  for (const a of node.altNames) add(a);
  return { names, primary };
}

export const SCORE = {
  EXACT: 100,
  NAME_PREFIX: 80,
  ALL_TOKENS_EXACT: 60,
  TOKEN_PREFIXES: 40,
  FUZZY_WHOLE_NAME: 30,
  FUZZY: 20,
  PRIMARY_NAME_BONUS: 1,
} as const;

/**
 * Typo tolerance: how many edits a query token may be from a name token and still match it (the
 * whole token, not a prefix): 1 for tokens of 5 to 8 characters, 2 from 9 on, none below 5. An edit
 * is an insertion, deletion, substitution or a swap of two neighbours (as Lucene's fuzzy query).
 */
export function maxEdits(token: string): number {
  return token.length >= 9 ? 2 : token.length >= 5 ? 1 : 0;
}

/**
 * Whether a and b are at most `max` edits apart (optimal string alignment distance: insertions,
 * deletions, substitutions and transpositions of neighbours), in code units. Rows of the distance
 * matrix are abandoned once every cell exceeds `max`.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return false;
    before = previous;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/**
 * Score of one node for a normalised query: the best over its normalised names (searchNamesOf:
 * the `primary` primary names first). A name matches when every query token is a prefix of one of its tokens, or, failing
 * that, within maxEdits of one (a typo). 0: no match.
 *   100 the whole name equals the query; 80 the name starts with the query;
 *    60 every query token equals a token of the name; 40 prefixes only;
 *    30 a typo of the whole name: the query is within maxEdits(query) of the name ("roselare" for
 *       Roeselare), so the place itself ranks above the longer names that only contain it
 *       ("Roeselare - Tambacounda");
 *    20 some query token matched only with typos, the name having more to it;
 *   +1 when the match is on the name or a name in a language rather than an alternative name.
 * Both stores rank by this score, then by sort name and id, so they list hits in the same order.
 */
export function scoreNames(query: string, queryTokens: readonly string[], names: readonly string[], primary = 1): number {
  let best = 0;
  names.forEach((name, index) => {
    const base = scoreName(query, queryTokens, name);
    if (base === 0) return;
    const score = base + (index < primary ? SCORE.PRIMARY_NAME_BONUS : 0);
    if (score > best) best = score;
  });
  return best;
}

function scoreName(query: string, queryTokens: readonly string[], name: string): number {
  if (name === query) return SCORE.EXACT;
  // Names are normalised (one space between tokens) and query tokens hold no space, so "a token
  // starts with q" is "q at the start or after a space": no split, which a broad search over tens
  // of thousands of names paid for every name.
  let nameTokens: string[] | null = null;
  let allExact = true;
  let fuzzy = false;
  for (const q of queryTokens) {
    if (name.startsWith(q) || name.includes(` ${q}`)) {
      if (allExact && !hasToken(name, q)) allExact = false;
      continue;
    }
    const edits = maxEdits(q);
    if (edits === 0) return 0;
    nameTokens ??= name.split(' ');
    if (!nameTokens.some((t) => withinEdits(q, t, edits))) return 0;
    fuzzy = true;
  }
  if (fuzzy) return withinEdits(query, name, maxEdits(query)) ? SCORE.FUZZY_WHOLE_NAME : SCORE.FUZZY;
  if (name.startsWith(query)) return SCORE.NAME_PREFIX;
  return allExact ? SCORE.ALL_TOKENS_EXACT : SCORE.TOKEN_PREFIXES;
}

/** Whether the normalised `name` has the token `token` (whole, between spaces or the ends). */
function hasToken(name: string, token: string): boolean {
  for (let at = name.indexOf(token); at >= 0; at = name.indexOf(token, at + 1)) {
    const end = at + token.length;
    if ((at === 0 || name[at - 1] === ' ') && (end === name.length || name[end] === ' ')) return true;
  }
  return false;
}
