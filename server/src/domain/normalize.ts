/**
 * How the graph compares text, wherever it is compared (search in both stores, entity resolution
 * in imports, ids made from names, country names): Unicode NFKD with combining marks removed
 * (accents), lower case, and every run of characters that are not letters or digits turned into
 * one space; and one order for sorted keys.
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

/** Code-unit order, the same as Cypher's string ordering for these normalised keys. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
