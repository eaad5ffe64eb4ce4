import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../server/src/domain/model.js';
import { explainLangOf, explainPeer, explainSuggestion, listWords } from '../../server/src/store/analysis/explain.js';
import type { SimilarityMatch } from '../../server/src/store/GraphAnalytics.js';

const self = { id: 'roeselare', kind: 'MUNICIPALITY', name: 'Roeselare' } as GraphNode;
const match = {
  peer: { id: 'merelbeke', name: 'Merelbeke' },
  score: 0.0625,
  municipalityCount: 54,
  totals: { own: 5.5, theirs: 3.25, shared: 0.5 },
  partnerships: [],
  directTies: [],
  byBasis: [
    { basis: 'PARTNER_COUNTRIES', score: 0.04, shared: [{ node: { id: 'bj', name: 'Benin' }, holders: 4, weight: 2.64 }] },
    { basis: 'PARTNER_ORGANIZATIONS', score: 0.02, shared: [{ node: { id: 'vvsg', name: 'VVSG' }, holders: 30, weight: 1.03 }] },
  ],
} as unknown as SimilarityMatch;

/** The peers panel's and the suggestions' explanations, in the language the request asks for (the explorer's). */
describe('explanations in English, Dutch and French', () => {
  it('takes the first asked language it is written in, else English', () => {
    expect(explainLangOf(['de', 'fr', 'nl'])).toBe('fr');
    expect(explainLangOf(['nl'])).toBe('nl');
    expect(explainLangOf(['de'])).toBe('en');
    expect(explainLangOf([])).toBe('en');
  });

  it('explains a peer with the words and the decimal notation of each language', () => {
    expect(explainPeer(self, match, 'JACCARD', 'RARITY')).toBe(
      'Shares with Roeselare 1 partner country (Benin) and 1 partner organisation (VVSG). Rarer things count more: a thing n of the 54 municipalities have weighs ln(1 + 54 / n), so Benin (4 have it) weighs 2.64. Score 0.06 = shared 0.50 / (Roeselare 5.50 + Merelbeke 3.25 - shared 0.50).',
    );
    expect(explainPeer(self, match, 'JACCARD', 'RARITY', 'nl')).toBe(
      'Deelt met Roeselare 1 partnerland (Benin) en 1 partnerorganisatie (VVSG). Wat zeldzaam is, telt zwaarder: iets dat n van de 54 gemeenten hebben, weegt ln(1 + 54 / n), dus Benin (4 hebben het) weegt 2,64. Score 0,06 = gedeeld 0,50 / (Roeselare 5,50 + Merelbeke 3,25 - gedeeld 0,50).',
    );
    expect(explainPeer(self, match, 'OVERLAP', 'EQUAL', 'fr')).toBe(
      'Partage avec Roeselare 1 pays partenaire (Benin) et 1 organisation partenaire (VVSG). Chaque élément partagé compte pour 1. Score 0,06 = partagé 0,50 / le plus petit de 5,50 et 3,25.',
    );
  });

  it('explains a suggestion and counts what it does not name', () => {
    const via = ['Dogbo', 'Banfora', 'Kara', 'Tori'].map((name) => ({ kind: 'MUNICIPALITY', name }));
    expect(explainSuggestion({ via } as never, 'fr')).toBe('Par 4 communes (Dogbo, Banfora, Kara et 1 autre).');
    expect(explainSuggestion({ via: via.slice(0, 1) } as never, 'nl')).toBe('Via 1 gemeente (Dogbo).');
    expect(listWords(['a', 'b'])).toBe('a and b');
  });
});
