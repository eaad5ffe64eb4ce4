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
});
