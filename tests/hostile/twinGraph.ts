import type { GraphNode, GraphRelation, Provenance } from '../../server/src/domain/model.js';
import { prng } from '../../server/src/store/analysis/random.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';

const PROVENANCE: Provenance[] = [{ source: 'generated', locator: 'twin graph', quote: 'generated for the hostile-input tests' }];
const COUNTRIES = ['BE', 'NL', 'FR', 'DE', 'SN', 'BJ', 'GM', 'NI', 'RW', 'UG', 'CD', 'ES', 'RO', 'CH', 'GH', 'IT', 'PL', 'US', 'JP', 'CN'];

export interface TwinGraph {
  nodes: GraphNode[];
  relations: GraphRelation[];
  municipalityIds: string[];
}

/**
 * A graph of the twin-cities list's size and shape, generated (never read from disk): 9,000
 * municipalities, 33,000 twinning partnerships of two parties each, with a skewed choice of
 * parties (a few cities have hundreds of twins, as Paris and Kyiv do), their countries and
 * LOCATED_IN: about 42k nodes and 75k relationships.
 */
export function twinGraph(seed = 7): TwinGraph {
  const random = prng(seed);
  const nodes: GraphNode[] = [
    { id: 'generated', kind: 'SOURCE', name: 'Generated twin graph', altNames: [], names: [], sourceType: 'DATASET', sources: PROVENANCE },
  ];
  const relations: GraphRelation[] = [];
  for (const code of COUNTRIES)
    nodes.push({
      id: `country-${code.toLowerCase()}`,
      kind: 'COUNTRY',
      name: `Country ${code}`,
      altNames: [],
      names: [],
      code,
      sources: PROVENANCE,
    });
  const municipalityIds: string[] = [];
  for (let i = 0; i < 9_000; i++) {
    const id = `city-${i}`;
    const country = COUNTRIES[i % COUNTRIES.length]!;
    municipalityIds.push(id);
    nodes.push({
      id,
      kind: 'MUNICIPALITY',
      name: `Town ${i} of ${country}`,
      altNames: [],
      names: [],
      level: 'MUNICIPALITY',
      country,
      sources: PROVENANCE,
    });
    if (i % 3 === 0)
      relations.push({
        id: `${id}--located-in--country-${country.toLowerCase()}`,
        kind: 'LOCATED_IN',
        from: id,
        to: `country-${country.toLowerCase()}`,
        sources: PROVENANCE,
      });
  }
  const skewed = () => Math.min(municipalityIds.length - 1, Math.floor(municipalityIds.length * Math.pow(random(), 2)));
  const pairs = new Set<string>();
  while (pairs.size < 33_000) {
    const a = skewed();
    const b = Math.floor(random() * municipalityIds.length);
    if (a === b) continue;
    const [x, y] = a < b ? [a, b] : [b, a];
    const id = `twinning-${x}-${y}`;
    if (pairs.has(id)) continue;
    pairs.add(id);
    nodes.push({
      id,
      kind: 'PARTNERSHIP',
      name: `Town ${x} - Town ${y}`,
      altNames: [],
      names: [],
      partnershipType: 'TWINNING',
      status: 'UNKNOWN',
      sources: PROVENANCE,
    });
    relations.push({ id: `city-${x}--party-to--${id}`, kind: 'PARTY_TO', from: `city-${x}`, to: id, sources: PROVENANCE });
    relations.push({ id: `city-${y}--party-to--${id}`, kind: 'PARTY_TO', from: `city-${y}`, to: id, sources: PROVENANCE });
  }
  return { nodes, relations, municipalityIds };
}

/** The generated graph put into an embedded store (by default a fresh one without a data directory). */
export async function twinStore(store: MemoryGraphStore = new MemoryGraphStore()): Promise<MemoryGraphStore> {
  const { nodes, relations } = twinGraph();
  await store.bulkUpsert({ nodes, relations });
  return store;
}
