import { describe, expect, it } from 'vitest';
import {
  basisChosen,
  basisSegments,
  describeSegments,
  describeVia,
  initialPeerOptions,
  peerEvidence,
  peerQueryArgs,
  setWish,
  toggleBasis,
  toWishes,
  viewWithPath,
} from '../../../client/src/state/analysis/index.js';
import { focusOn, initialView } from '../../../client/src/state/view/index.js';

const parts = [
  { basis: 'NETWORKS' as const, score: 0.25, shared: [{ id: 'platforma', name: 'Platforma' }] },
  { basis: 'THEMES' as const, score: 0, shared: [] },
  {
    basis: 'PARTNER_COUNTRIES' as const,
    score: 0.25,
    shared: [
      { id: 'country-bj', name: 'Benin' },
      { id: 'platforma', name: 'Platforma' },
    ],
  },
];

describe('analysis state', () => {
  it('peer bases: all by default, switched off one by one, all again when every one is back', () => {
    const all = initialPeerOptions();
    const noThemes = toggleBasis(all, 'THEMES', false);
    expect(noThemes.bases).toHaveLength(7);
    expect(basisChosen(noThemes, 'THEMES')).toBe(false);
    expect(basisChosen(noThemes, 'NETWORKS')).toBe(true);
    expect(toggleBasis(noThemes, 'THEMES', true).bases).toEqual([]);
  });

  it('peer queries leave partners out, and ask for them apart', () => {
    const options = { ...initialPeerOptions(), countries: ['BE'], excludeDirectTies: true };
    expect(peerQueryArgs(options, false)).toEqual({
      metric: 'JACCARD',
      weighting: 'RARITY',
      basis: null,
      filter: { countries: ['BE'], levels: null, excludePartners: true, excludeDirectTies: true, onlyPartners: false },
    });
    expect(peerQueryArgs(options, true).filter.onlyPartners).toBe(true);
  });

  it('splits a peer bar by the bases that count, as parts of the best score', () => {
    const segs = basisSegments(parts, 1);
    expect(segs.map((s) => [s.basis, s.width])).toEqual([
      ['NETWORKS', 0.25],
      ['PARTNER_COUNTRIES', 0.25],
    ]);
    expect(describeSegments(segs)).toBe('Networks 0.25 (Platforma); Partner countries 0.25 (Benin, Platforma)');
    expect(basisSegments(parts, 0)).toEqual([]);
    expect(describeSegments([])).toBe('Nothing in common.');
  });

  it('emphasises a peer and its shared nodes once each', () => {
    expect(peerEvidence('mol', parts)).toEqual(['mol', 'platforma', 'country-bj']);
  });

  it('loads a path by expanding each node over its next hop, keeping wider expansions', () => {
    const path = {
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      relations: [{ kind: 'MEMBER_OF' as const }, { kind: 'FUNDS' as const }],
    };
    const v = viewWithPath({ ...initialView(), showAll: false }, path);
    expect(v.focus).toBe('a');
    expect(v.expanded).toEqual([
      { id: 'a', kinds: ['MEMBER_OF'] },
      { id: 'b', kinds: ['FUNDS'] },
    ]);
    const focused = viewWithPath(focusOn(initialView(), 'a'), path);
    expect(focused.expanded).toEqual([
      { id: 'a', kinds: null },
      { id: 'b', kinds: ['FUNDS'] },
    ]);
  });

  it('says why a two-step path suggests a partner, each verb from the middle node', () => {
    const path = {
      nodes: [
        { id: 'roeselare', name: 'Roeselare' },
        { id: 'platforma', name: 'Platforma' },
        { id: 'ec', name: 'European Commission' },
      ],
      relations: [
        { kind: 'SUPPORTS' as const, source: 'platforma' },
        { kind: 'FUNDS' as const, source: 'ec' },
      ],
    };
    expect(describeVia(path)).toBe('via Platforma, which supports Roeselare and is funded by European Commission');
    const member = {
      nodes: [
        { id: 'a', name: 'A' },
        { id: 'v', name: 'VVSG' },
        { id: 'b', name: 'B' },
      ],
      relations: [
        { kind: 'MEMBER_OF' as const, source: 'a' },
        { kind: 'MEMBER_OF' as const, source: 'b' },
      ],
    };
    expect(describeVia(member)).toBe('via VVSG, which has member A and has member B');
  });

  it('turns the advisor form into wishes: only features with a range or a weight, in a stable order', () => {
    let form = setWish({}, 'RECIPROCITY', { weight: 3 });
    form = setWish(form, 'BUDGET', { max: 1 });
    form = setWish(form, 'DURATION', { min: null });
    expect(toWishes(form)).toEqual([
      { feature: 'BUDGET', min: null, max: 1, weight: 0 },
      { feature: 'RECIPROCITY', min: null, max: null, weight: 3 },
    ]);
    expect(toWishes({})).toEqual([]);
  });
});
