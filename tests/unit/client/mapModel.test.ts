import { describe, expect, it } from 'vitest';
import type { MapLayerData } from '../../../client/src/map/mapApi.js';
import { applyFilters, cluster, linksOf, projectLayer } from '../../../client/src/map/mapModel.js';

const place = (id: string, longitude: number, latitude: number, precision: 'EXACT' | 'COUNTRY' = 'EXACT') => ({
  id,
  name: id,
  countryCode: 'BE',
  latitude,
  longitude,
  precision,
});

// A projection that is the identity on (lng, lat), so positions can be worked out by hand.
const identity = (p: [number, number]): [number, number] => [p[0], p[1]];

const DATA: MapLayerData = {
  places: [place('a', 0.5, 0.5), place('b', 1.5, 0.5), place('c', 1.7, 0.9, 'COUNTRY'), place('d', 10, 10)],
  links: [
    { partnership: 'p-ab', partnershipType: 'TWINNING', a: 0, b: 1 },
    { partnership: 'p-ac', partnershipType: 'TWINNING', a: 0, b: 2 },
    { partnership: 'p-bc', partnershipType: 'TWINNING', a: 1, b: 2 },
    { partnership: 'p-cd', partnershipType: 'TWINNING', a: 2, b: 3 },
  ],
  unplaced: 0,
};

describe('the map model', () => {
  const layer = projectLayer(DATA, identity);

  it('projects places and marks approximate ones', () => {
    expect([...layer.x]).toEqual([0.5, 1.5, Math.fround(1.7), 10]);
    expect([...layer.approx]).toEqual([0, 0, 1, 0]);
    expect(layer.indexOf.get('c')).toBe(2);
  });

  it('applies the graph filters: kinds, relationship kinds and the attribute filters answer', () => {
    const none = { hiddenNodeKinds: [], hiddenRelationKinds: [], match: null };
    expect(applyFilters(layer, none)).toEqual({ places: Uint32Array.from([0, 1, 2, 3]), links: Uint32Array.from([0, 1, 2, 3]) });
    // Only a, b, c and the partnership a-c match: the link to d goes with d, a-b and b-c are not matched.
    const matched = applyFilters(layer, { ...none, match: new Set(['a', 'b', 'c', 'p-ac']) });
    expect([...matched.places]).toEqual([0, 1, 2]);
    expect([...matched.links]).toEqual([1]);
    expect([...applyFilters(layer, { ...none, hiddenNodeKinds: ['PARTNERSHIP'] }).links]).toEqual([]);
    expect([...applyFilters(layer, { ...none, hiddenRelationKinds: ['PARTY_TO'] }).links]).toEqual([]);
    expect([...applyFilters(layer, { ...none, hiddenNodeKinds: ['MUNICIPALITY'] }).places]).toEqual([]);
  });

  it('clusters places per grid cell and merges the links between clusters', () => {
    const scene = applyFilters(layer, { hiddenNodeKinds: [], hiddenRelationKinds: [], match: null });
    // Cells of 1: a alone in (0,0), b and c together in (1,0), d alone in (10,10).
    const c = cluster(layer, scene, 1);
    expect([...c.count]).toEqual([1, 2, 1]);
    expect([...c.single]).toEqual([0, -1, 3]);
    expect(c.cx[1]).toBeCloseTo(1.6, 5);
    expect(c.cy[1]).toBeCloseTo(0.7, 5);
    // a-b and a-c merge into one edge of 2; b-c is inside a cluster; c-d stays a single link.
    expect([...c.edgeA]).toEqual([0, 1]);
    expect([...c.edgeB]).toEqual([1, 2]);
    expect([...c.edgeCount]).toEqual([2, 1]);
    expect([...c.edgeSingle]).toEqual([-1, 3]);
    // Cells of 100: one cluster, no edge.
    const all = cluster(layer, scene, 100);
    expect([...all.count]).toEqual([4]);
    expect(all.edgeA.length).toBe(0);
  });

  it('merges clusters whose drawn discs would overlap, the largest first, and their links with them', () => {
    const scene = applyFilters(layer, { hiddenNodeKinds: [], hiddenRelationKinds: [], match: null });
    // Cells of 1, discs of radius 0.4 for one place and 0.8 for more: a (0.5, 0.5) and the
    // cluster b+c (1.6, 0.7) are 1.12 apart, less than 0.4 + 0.8, so b+c takes a in; d stays.
    const c = cluster(layer, scene, 1, (n) => (n > 1 ? 0.8 : 0.4));
    expect([...c.count]).toEqual([3, 1]);
    expect([...c.single]).toEqual([-1, 3]);
    expect(c.cx[0]).toBeCloseTo((0.5 + 1.5 + 1.7) / 3, 5);
    expect(c.cy[0]).toBeCloseTo((0.5 + 0.5 + 0.9) / 3, 5);
    // a-b, a-c and b-c are inside the merged cluster; c-d is the one link left.
    expect([...c.edgeA]).toEqual([0]);
    expect([...c.edgeB]).toEqual([1]);
    expect([...c.edgeSingle]).toEqual([3]);
    // Smaller discs (0.3 + 0.6 < 1.12) do not touch: the grid's three clusters stay.
    expect([...cluster(layer, scene, 1, (n) => (n > 1 ? 0.6 : 0.3)).count]).toEqual([1, 2, 1]);
  });

  it('finds the links and partners of a place', () => {
    const scene = applyFilters(layer, { hiddenNodeKinds: [], hiddenRelationKinds: [], match: null });
    expect(linksOf(layer, scene, 2)).toEqual({ links: [1, 2, 3], partners: [0, 1, 3] });
  });
});
