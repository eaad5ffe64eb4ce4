import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageOfSorted } from '../../server/src/store/ranking.js';
import { normalizeText, tokenize } from '../../server/src/domain/normalize.js';
import { maxEdits, scoreNames, withinEdits } from '../../server/src/store/searchText.js';

/** The rule of scoreNames as its comment states it, over split tokens (what it computed before it stopped splitting). */
function referenceScore(query: string, queryTokens: readonly string[], names: readonly string[]): number {
  let best = 0;
  names.forEach((name, index) => {
    let base: number;
    if (name === query) base = 100;
    else {
      const tokens = name.split(' ');
      const matched = queryTokens.map((q) =>
        tokens.some((t) => t.startsWith(q))
          ? tokens.includes(q)
            ? 'exact'
            : 'prefix'
          : maxEdits(q) > 0 && tokens.some((t) => withinEdits(q, t, maxEdits(q)))
            ? 'typo'
            : 'none',
      );
      if (matched.includes('none')) base = 0;
      else if (matched.includes('typo')) base = maxEdits(query) > 0 && withinEdits(query, name, maxEdits(query)) ? 30 : 20;
      else if (name.startsWith(query)) base = 80;
      else base = matched.every((m) => m === 'exact') ? 60 : 40;
    }
    if (base > 0) best = Math.max(best, base + (index === 0 ? 1 : 0));
  });
  return best;
}

describe('search text rules', () => {
  it('folds accents, case and punctuation', () => {
    expect(normalizeText('  Gräfenhainichen, Sint-Niklaas & LIÈGE ')).toBe('grafenhainichen sint niklaas liege');
    expect(tokenize('D.O.G.B.O.-Dogbo')).toEqual(['d', 'o', 'g', 'b', 'o', 'dogbo']);
    expect(tokenize(' -- ')).toEqual([]);
  });

  it('scores exact, name-prefix, whole-word and word-prefix matches in that order', () => {
    const score = (q: string, names: string[]) => scoreNames(normalizeText(q), tokenize(q), names.map(normalizeText));
    expect(score('Roeselare', ['Roeselare'])).toBe(101);
    expect(score('roese', ['Roeselare'])).toBe(81);
    expect(score('dogbo', ['Roeselare - Dogbo'])).toBe(61);
    expect(score('dog roe', ['Roeselare - Dogbo'])).toBe(41);
    expect(score('luik', ['Liège', 'Luik'])).toBe(100);
    expect(score('paris', ['Liège', 'Luik'])).toBe(0);
  });

  it('ranks a typo of the whole name above a typo of one word in a longer name, both below every prefix match', () => {
    const score = (q: string, names: string[]) => scoreNames(normalizeText(q), tokenize(q), names.map(normalizeText));
    expect(score('Roselare', ['Roeselare'])).toBe(31);
    expect(score('Roselare', ['Roeselare school project'])).toBe(21);
    expect(score('Roeselare scool project', ['Roeselare school project'])).toBe(31);
    expect(score('Lutich', ['Liège', 'Lüttich'])).toBe(30);
    // Two edits allowed on a query of 9 letters or more; three are too many.
    expect(score('Tambakounde', ['Tambacounda'])).toBe(31);
    expect(score('Tambakoundé', ['Tambacounda - Roeselare'])).toBe(21);
    expect(score('dog roe', ['Roeselare - Dogbo'])).toBeGreaterThan(score('Roselare', ['Roeselare']));
  });

  it('scores every name as the rule says (random names and queries over a small alphabet)', () => {
    const word = fc.stringMatching(/^[abn]{1,9}$/);
    const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), text, (names, q) => {
        expect(scoreNames(normalizeText(q), tokenize(q), names)).toBe(referenceScore(normalizeText(q), tokenize(q), names));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a page of a ranked list', () => {
  it('is the slice of the sorted list, near the front or not', () => {
    const compare = (a: [number, string], b: [number, string]) => b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.string()), { selector: (x) => x[1], maxLength: 400 }),
        fc.nat(50),
        fc.integer({ min: 1, max: 30 }),
        (items, offset, first) => {
          const sorted = [...items].sort(compare);
          expect(pageOfSorted([...items], offset, first, compare)).toEqual(sorted.slice(offset, offset + first));
        },
      ),
    );
  });
});
