import { compareStrings } from '../../domain/normalize.js';
import { maxEdits, withinEdits } from '../searchText.js';

/**
 * A token index for prefix search: each distinct name token maps to the nodes whose names hold
 * it, and a sorted array of the tokens answers "which tokens start with q" by binary search.
 * The sorted array is rebuilt lazily after writes, so bulk loads pay for it once.
 */
export class SearchIndex {
  // Arrays, not Sets: most tokens belong to one or two nodes, and a Set costs ~10x the memory.
  private postings = new Map<string, string[]>();
  private names = new Map<string, string[]>();
  /** How many of a node's names are primary, when more than one (see searchNamesOf). */
  private primaryCounts = new Map<string, number>();
  private sortedTokens: string[] | null = [];
  /** Tokens by length, for typo matching; rebuilt lazily like sortedTokens. */
  private tokensByLength: Map<number, string[]> | null = new Map();

  /** Indexes a node's normalised names (searchNamesOf), the first `primary` of them primary. */
  add(id: string, normalized: readonly string[], primary = 1): void {
    this.names.set(id, [...normalized]);
    if (primary !== 1) this.primaryCounts.set(id, primary);
    for (const name of normalized) {
      for (const token of name.split(' ')) {
        const ids = this.postings.get(token);
        if (!ids) {
          this.postings.set(token, [id]);
          this.sortedTokens = null;
          this.tokensByLength = null;
        } else if (ids[ids.length - 1] !== id) ids.push(id);
      }
    }
  }

  remove(id: string): void {
    for (const name of this.names.get(id) ?? []) {
      for (const token of name.split(' ')) {
        const ids = this.postings.get(token);
        if (!ids) continue;
        const at = ids.indexOf(id);
        if (at >= 0) ids.splice(at, 1);
        if (ids.length === 0) {
          this.postings.delete(token);
          this.sortedTokens = null;
          this.tokensByLength = null;
        }
      }
    }
    this.names.delete(id);
    this.primaryCounts.delete(id);
  }

  /**
   * Fills this index (empty) with a copy of `other` (posting lists of its own; the name arrays and
   * the sorted token arrays, never changed in place, are shared). Yields every 1,024 entries.
   */
  *copyOf(other: SearchIndex): Generator<void> {
    let n = 0;
    for (const [token, ids] of other.postings) {
      this.postings.set(token, ids.slice());
      if ((++n & 1023) === 0) yield;
    }
    for (const [id, names] of other.names) {
      this.names.set(id, names);
      if ((++n & 1023) === 0) yield;
    }
    for (const [id, count] of other.primaryCounts) this.primaryCounts.set(id, count);
    this.sortedTokens = other.sortedTokens;
    this.tokensByLength = other.tokensByLength;
  }

  /** Exchanges contents with `other` at once. */
  swapWith(other: SearchIndex): void {
    [this.postings, other.postings] = [other.postings, this.postings];
    [this.names, other.names] = [other.names, this.names];
    [this.primaryCounts, other.primaryCounts] = [other.primaryCounts, this.primaryCounts];
    [this.sortedTokens, other.sortedTokens] = [other.sortedTokens, this.sortedTokens];
    [this.tokensByLength, other.tokensByLength] = [other.tokensByLength, this.tokensByLength];
  }

  clear(): void {
    this.postings.clear();
    this.names.clear();
    this.primaryCounts.clear();
    this.sortedTokens = [];
    this.tokensByLength = new Map();
  }

  /** Normalised names of a node, primary names first. */
  namesOf(id: string): readonly string[] {
    return this.names.get(id) ?? [];
  }

  /** How many of namesOf(id) are primary names. */
  primaryCountOf(id: string): number {
    return this.primaryCounts.get(id) ?? 1;
  }

  /**
   * Ids of nodes having, for every query token, some name token it is a prefix of or is within
   * maxEdits of (a typo). A superset of the matches (the tokens may sit in different names);
   * scoreNames decides.
   */
  candidates(queryTokens: readonly string[]): Set<string> {
    let result: Set<string> | null = null;
    // Rarest-looking (longest) token first keeps the intersections small.
    for (const q of [...queryTokens].sort((a, b) => b.length - a.length)) {
      const matching = new Set<string>();
      for (const token of [...this.tokensWithPrefix(q), ...this.tokensNear(q)]) {
        for (const id of this.postings.get(token) ?? []) if (!result || result.has(id)) matching.add(id);
      }
      result = matching;
      if (result.size === 0) break;
    }
    return result ?? new Set();
  }

  /** Tokens within maxEdits(q) of q (none for short tokens): only tokens of a length that can be. */
  private tokensNear(q: string): string[] {
    const edits = maxEdits(q);
    if (edits === 0) return [];
    if (this.tokensByLength === null) {
      this.tokensByLength = new Map();
      for (const token of this.postings.keys()) {
        const same = this.tokensByLength.get(token.length);
        if (same) same.push(token);
        else this.tokensByLength.set(token.length, [token]);
      }
    }
    const out: string[] = [];
    for (let length = q.length - edits; length <= q.length + edits; length++) {
      for (const token of this.tokensByLength.get(length) ?? []) if (token !== q && withinEdits(q, token, edits)) out.push(token);
    }
    return out;
  }

  private tokensWithPrefix(prefix: string): string[] {
    if (this.sortedTokens === null) this.sortedTokens = [...this.postings.keys()].sort(compareStrings);
    const tokens = this.sortedTokens;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < tokens.length && tokens[i]!.startsWith(prefix); i++) out.push(tokens[i]!);
    return out;
  }
}
