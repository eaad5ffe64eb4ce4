import worldCountries from 'world-countries';
import type { GraphNode, PartnershipType } from '../domain/model.js';
import { nameFor } from '../domain/names.js';
import type { GraphStore } from '../store/GraphStore.js';

/**
 * The map view's layer: every municipality with a place and every partnership between two of
 * them, read in one scan of the store (municipalities, partnerships and the PARTY_TO between them).
 */

export type PlacePrecision = 'EXACT' | 'COUNTRY' | 'PARTNERS';

export interface MapPlace {
  id: string;
  name: string;
  countryCode: string | null;
  latitude: number;
  longitude: number;
  precision: PlacePrecision;
}

export interface MapLink {
  partnership: string;
  partnershipType: PartnershipType | null;
  a: number;
  b: number;
}

export interface MapLayer {
  places: MapPlace[];
  links: MapLink[];
  unplaced: number;
}

export interface MapInput {
  municipalities: readonly GraphNode[];
  /** The reader's languages, best first: each place is named in the first it has (docs/adr/0022). */
  languages?: readonly string[];
  partnerships: ReadonlyMap<string, { type: PartnershipType | null; parties: string[] }>;
}

type LatLng = readonly [number, number];

const COUNTRY_CENTRES: ReadonlyMap<string, LatLng> = new Map(worldCountries.map((c) => [c.cca2, [c.latlng[0]!, c.latlng[1]!] as const]));

export const countryCentre = (code: string | undefined): LatLng | undefined => (code ? COUNTRY_CENTRES.get(code) : undefined);

const validLatLng = (n: GraphNode): boolean =>
  typeof n.latitude === 'number' && typeof n.longitude === 'number' && Math.abs(n.latitude) <= 90 && Math.abs(n.longitude) <= 180;

/**
 * Places municipalities: their own coordinates, else their country's centre, else the mean of
 * their partners placed so far (exactly or by country; one round, so no chains of guesses).
 * Links join every pair of placed parties of a partnership. Pure; `centre` is injected for tests.
 */
export function buildMapLayer(input: MapInput, centre: (code: string | undefined) => LatLng | undefined = countryCentre): MapLayer {
  const sorted = [...input.municipalities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const at = new Map<string, { lat: number; lng: number; precision: PlacePrecision }>();
  for (const m of sorted) {
    if (validLatLng(m)) at.set(m.id, { lat: m.latitude!, lng: m.longitude!, precision: 'EXACT' });
    else {
      const c = centre(m.country);
      if (c) at.set(m.id, { lat: c[0], lng: c[1], precision: 'COUNTRY' });
    }
  }
  const partnersOf = new Map<string, string[]>();
  const unplacedIds = new Set(sorted.filter((m) => !at.has(m.id)).map((m) => m.id));
  for (const { parties } of input.partnerships.values()) {
    for (const p of parties)
      if (unplacedIds.has(p)) for (const q of parties) if (p !== q) (partnersOf.get(p) ?? partnersOf.set(p, []).get(p)!).push(q);
  }
  const byPartners = new Map<string, { lat: number; lng: number; precision: PlacePrecision }>();
  for (const m of sorted) {
    if (at.has(m.id)) continue;
    const placed = (partnersOf.get(m.id) ?? []).map((q) => at.get(q)).filter((p) => p !== undefined);
    if (placed.length === 0) continue;
    const lat = placed.reduce((s, p) => s + p.lat, 0) / placed.length;
    const lng = placed.reduce((s, p) => s + p.lng, 0) / placed.length;
    byPartners.set(m.id, { lat, lng, precision: 'PARTNERS' });
  }
  for (const [id, p] of byPartners) at.set(id, p);

  const places: MapPlace[] = [];
  const index = new Map<string, number>();
  for (const m of sorted) {
    const p = at.get(m.id);
    if (!p) continue;
    index.set(m.id, places.length);
    places.push({
      id: m.id,
      name: nameFor(m, input.languages ?? []),
      countryCode: m.country ?? null,
      latitude: p.lat,
      longitude: p.lng,
      precision: p.precision,
    });
  }
  const links: MapLink[] = [];
  const ids = [...input.partnerships.keys()].sort();
  for (const id of ids) {
    const { type, parties } = input.partnerships.get(id)!;
    const idx: number[] = [];
    for (const p of parties) {
      const i = index.get(p);
      if (i !== undefined && !idx.includes(i)) idx.push(i);
    }
    idx.sort((x, y) => x - y);
    for (let i = 0; i < idx.length; i++)
      for (let j = i + 1; j < idx.length; j++) links.push({ partnership: id, partnershipType: type, a: idx[i]!, b: idx[j]! });
  }
  return { places, links, unplaced: sorted.length - places.length };
}

/** Reads the municipalities, partnerships and their parties from the store and builds the layer. */
export async function readMapLayer(store: GraphStore, languages: readonly string[] = []): Promise<MapLayer> {
  const municipalities: GraphNode[] = [];
  const kindOf = new Map<string, 'MUNICIPALITY' | 'PARTNERSHIP'>();
  const partnerships = new Map<string, { type: PartnershipType | null; parties: string[] }>();
  for await (const batch of store.scan({ batchSize: 5000, kinds: ['MUNICIPALITY', 'PARTNERSHIP'] })) {
    for (const n of batch.nodes) {
      if (n.kind === 'MUNICIPALITY') {
        municipalities.push(n);
        kindOf.set(n.id, 'MUNICIPALITY');
      } else if (n.kind === 'PARTNERSHIP') {
        partnerships.set(n.id, { type: n.partnershipType ?? null, parties: [] });
        kindOf.set(n.id, 'PARTNERSHIP');
      }
    }
    for (const r of batch.relations) {
      if (r.kind === 'PARTY_TO' && kindOf.get(r.from) === 'MUNICIPALITY') partnerships.get(r.to)?.parties.push(r.from);
    }
  }
  return buildMapLayer({ municipalities, partnerships, languages });
}
