import { describe, expect, it } from 'vitest';
import { normalizeText, scoreNames, tokenize } from '../../server/src/store/searchText.js';

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
});
