import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../server/src/domain/model.js';
import { buildMapLayer, countryCentre } from '../../server/src/map/mapLayer.js';

const town = (id: string, country: string | undefined, at?: [number, number]): GraphNode => ({
  id,
  kind: 'MUNICIPALITY',
  name: id.toUpperCase(),
  altNames: [],
  names: [],
  sources: [],
  ...(country ? { country } : {}),
  ...(at ? { latitude: at[0], longitude: at[1] } : {}),
});

// Centres by hand, so the expectations do not depend on the package's figures.
const CENTRES: Record<string, [number, number]> = { BE: [50, 4], BJ: [9, 2] };
const centre = (code: string | undefined) => (code ? CENTRES[code] : undefined);

describe('the map layer', () => {
  it('places towns exactly, by country centre, or by the mean of placed partners, and counts the rest', () => {
    const layer = buildMapLayer(
      {
        municipalities: [
          town('leuven', 'BE', [50.88, 4.7]),
          town('dogbo', 'BJ'),
          town('nowhere', 'ZZ'),
          town('lost', undefined),
          town('bad', 'ZZ', [123, 4]),
          town('krakow', 'PL', [50.06, 19.94]),
        ],
        partnerships: new Map([
          ['p-leuven-dogbo', { type: 'TWINNING' as const, parties: ['leuven', 'dogbo'] }],
          ['p-three', { type: 'CITY_TO_CITY' as const, parties: ['nowhere', 'leuven', 'krakow'] }],
          ['p-lost', { type: null, parties: ['lost', 'bad'] }],
        ]),
      },
      centre,
    );
    // Sorted by id: bad, dogbo, krakow, leuven, lost, nowhere. 'bad' has an impossible latitude and
    // an unknown country, 'lost' no country and only an unplaced partner: both left off.
    expect(layer.places.map((p) => [p.id, p.precision, p.latitude, p.longitude])).toEqual([
      ['dogbo', 'COUNTRY', 9, 2],
      ['krakow', 'EXACT', 50.06, 19.94],
      ['leuven', 'EXACT', 50.88, 4.7],
      ['nowhere', 'PARTNERS', (50.88 + 50.06) / 2, (4.7 + 19.94) / 2],
    ]);
    expect(layer.unplaced).toBe(2);
    // Indexes into places: dogbo 0, krakow 1, leuven 2, nowhere 3; one link per pair of placed parties.
    expect(layer.links).toEqual([
      { partnership: 'p-leuven-dogbo', partnershipType: 'TWINNING', a: 0, b: 2 },
      { partnership: 'p-three', partnershipType: 'CITY_TO_CITY', a: 1, b: 2 },
      { partnership: 'p-three', partnershipType: 'CITY_TO_CITY', a: 1, b: 3 },
      { partnership: 'p-three', partnershipType: 'CITY_TO_CITY', a: 2, b: 3 },
    ]);
  });

  it('knows the centre of countries from world-countries', () => {
    const be = countryCentre('BE')!;
    expect(be[0]).toBeGreaterThan(49.5);
    expect(be[0]).toBeLessThan(51.5);
    expect(be[1]).toBeGreaterThan(2.5);
    expect(be[1]).toBeLessThan(6.4);
    expect(countryCentre('ZZ')).toBeUndefined();
  });
});
