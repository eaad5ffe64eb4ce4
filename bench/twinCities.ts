import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { benchDataFile } from './data.js';
import { resolveCountry } from '../server/src/domain/countries.js';
import type { GraphNode, GraphRelation, Provenance } from '../server/src/domain/model.js';
import { normalizeText } from '../server/src/domain/normalize.js';

export const TWIN_CITIES_CSV = benchDataFile('twin-cities.csv');

const slug = (text: string) => normalizeText(text).replace(/ /g, '-') || 'x';

/**
 * The public twin-cities list (twin-cities.csv in BENCH_DATA_DIR, read in place) as a graph for the
 * benchmarks: one MUNICIPALITY per distinct (city, country) and one TWINNING partnership per
 * unordered pair. Countries are resolved to ISO codes where the name is known (resolveCountry, as
 * the importer does without aliases), so partner countries count as they would after an import.
 */
export function twinCitiesGraph(path = TWIN_CITIES_CSV): { nodes: GraphNode[]; relations: GraphRelation[]; municipalityIds: string[] } {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const provenance = (row: number): Provenance[] => [{ source: 'twin-cities-csv', locator: `row ${row}`, quote: 'twin-cities.csv' }];
  const nodes: GraphNode[] = [
    {
      id: 'twin-cities-csv',
      kind: 'SOURCE',
      name: 'Twin towns and sister cities (Wikipedia, via Hekman/twincities)',
      altNames: [],
      names: [],
      sourceType: 'DATASET',
      sources: provenance(0),
    },
  ];
  const places = new Map<string, string>();
  const place = (city: string, country: string, row: number) => {
    const key = `${normalizeText(city)}|${normalizeText(country)}`;
    let id = places.get(key);
    if (!id) {
      id = `${slug(city)}--${slug(country)}`;
      places.set(key, id);
      const resolved = resolveCountry(country);
      nodes.push({
        id,
        kind: 'MUNICIPALITY',
        name: city,
        altNames: [],
        names: [],
        level: 'MUNICIPALITY',
        ...('code' in resolved ? { country: resolved.code } : {}),
        sources: provenance(row),
      });
    }
    return id;
  };
  const relations: GraphRelation[] = [];
  const pairs = new Set<string>();
  rows.forEach((r, i) => {
    const a = place(r.city1!, r.country1!, i + 2);
    const b = place(r.city2!, r.country2!, i + 2);
    if (a === b) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    const pairId = `twinning--${x}--${y}`;
    if (pairs.has(pairId)) return;
    pairs.add(pairId);
    nodes.push({
      id: pairId,
      kind: 'PARTNERSHIP',
      name: `${r.city1} - ${r.city2}`,
      altNames: [],
      names: [],
      partnershipType: 'TWINNING',
      status: 'UNKNOWN',
      sources: provenance(i + 2),
    });
    relations.push({ id: `${x}--party-to--${pairId}`, kind: 'PARTY_TO', from: x, to: pairId, sources: provenance(i + 2) });
    relations.push({ id: `${y}--party-to--${pairId}`, kind: 'PARTY_TO', from: y, to: pairId, sources: provenance(i + 2) });
  });
  return { nodes, relations, municipalityIds: [...places.values()] };
}
