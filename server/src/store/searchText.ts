/**
 * The matching and ranking rules of `search`, shared by both stores so that they rank alike.
 * Normalisation: Unicode NFKD with combining marks removed (accents), lower case, and every run
 * of characters that are not letters or digits turned into one space.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A node id from a name: the normalised name with letters outside a-z (after folding accents)
 * dropped and words joined by hyphens ("Sankt Pölten" -> "sankt-polten"); empty for a name in
 * another script, which callers then give an id of their own.
 */
export function slugOfName(text: string): string {
  return normalizeText(text)
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/ +/g, '-');
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

export const SCORE = { EXACT: 100, NAME_PREFIX: 80, ALL_TOKENS_EXACT: 60, TOKEN_PREFIXES: 40, PRIMARY_NAME_BONUS: 1 } as const;

/**
 * Score of one node for a normalised query: the best over its normalised names (primary name
 * first). A name matches when every query token is a prefix of one of its tokens. 0: no match.
 *   100 the whole name equals the query; 80 the name starts with the query;
 *    60 every query token equals a token of the name; 40 prefixes only;
 *   +1 when the match is on the primary name rather than an alternative name.
 */
export function scoreNames(query: string, queryTokens: readonly string[], names: readonly string[]): number {
  let best = 0;
  names.forEach((name, index) => {
    const base = scoreName(query, queryTokens, name);
    if (base === 0) return;
    const score = base + (index === 0 ? SCORE.PRIMARY_NAME_BONUS : 0);
    if (score > best) best = score;
  });
  return best;
}

function scoreName(query: string, queryTokens: readonly string[], name: string): number {
  if (name === query) return SCORE.EXACT;
  const nameTokens = name.split(' ');
  let allExact = true;
  for (const q of queryTokens) {
    if (!nameTokens.some((t) => t.startsWith(q))) return 0;
    if (allExact && !nameTokens.includes(q)) allExact = false;
  }
  if (name.startsWith(query)) return SCORE.NAME_PREFIX;
  return allExact ? SCORE.ALL_TOKENS_EXACT : SCORE.TOKEN_PREFIXES;
}

/** Code-unit order, the same as Cypher's string ordering for these normalised keys. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
