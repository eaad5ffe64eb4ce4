import type { GraphNode, GraphRelation, NodeKind, Provenance, RelationKind } from '../server/src/domain/model.js';
import { prng } from '../server/src/store/analysis/random.js';

export { prng };

/**
 * A synthetic cooperation graph for benchmarks: municipalities linked to partners (organisations,
 * networks, programmes, projects) and to each other, with a skewed degree distribution: a few
 * partners (big networks, popular programmes) and a few municipalities collect most links, as in
 * real twinning data. Deterministic for a given seed.
 */
export interface GraphSize {
  name: string;
  municipalities: number;
  partners: number;
  edges: number;
}

export const SIZES: Record<string, GraphSize> = {
  xs: { name: 'xs', municipalities: 300, partners: 700, edges: 3_000 },
  s: { name: 's', municipalities: 3_000, partners: 7_000, edges: 30_000 },
  m: { name: 'm', municipalities: 11_000, partners: 50_000, edges: 330_000 },
  l: { name: 'l', municipalities: 35_000, partners: 100_000, edges: 1_050_000 },
  xl: { name: 'xl', municipalities: 300_000, partners: 700_000, edges: 3_000_000 },
};

/** Index in [0, n) drawn from a power law: small indexes are much more likely (exponent ~ 1.6). */
function skewed(random: () => number, n: number, exponent = 1.6): number {
  const i = Math.floor(n * Math.pow(random(), exponent));
  return Math.min(n - 1, i);
}

const PROVENANCE: Provenance[] = [{ source: 'synthetic', locator: 'generated', quote: 'synthetic benchmark data' }];
const COUNTRIES = ['BE', 'NL', 'FR', 'DE', 'SN', 'BJ', 'GM', 'NI', 'RW', 'UG', 'CD', 'ES', 'RO', 'CH', 'GH'];
const SYLLABLES = [
  'ro',
  'se',
  'la',
  're',
  'dog',
  'bo',
  'mol',
  'san',
  'to',
  'mas',
  'ost',
  'end',
  'ban',
  'jul',
  'zo',
  'er',
  'sel',
  'lich',
  'ter',
  'vel',
  'de',
  'kem',
  'po',
  'di',
];

function placeName(random: () => number, i: number): string {
  const parts = 2 + Math.floor(random() * 2);
  let name = '';
  for (let p = 0; p < parts; p++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return `${name[0]!.toUpperCase()}${name.slice(1)} ${i}`;
}

/**
 * Partner kinds, the relationship a municipality has with each, and their share of partners.
 * Popularity is skewed for organisations, networks and programmes (a few big networks and funders
 * collect most links) but not for projects: a real project has a handful of participants, and a
 * project is part of its participants' context, so a skewed one would tie hundreds together.
 */
const PARTNER_KINDS: [NodeKind, RelationKind, number][] = [
  ['ORGANIZATION', 'COLLABORATES_WITH', 0.6],
  ['NETWORK', 'MEMBER_OF', 0.1],
  ['FUNDING_PROGRAM', 'FUNDS', 0.1],
  ['PROJECT', 'PARTICIPATES_IN', 0.2],
];

export interface SyntheticGraph {
  nodes: GraphNode[];
  relations: GraphRelation[];
  municipalityIds: string[];
}

export function generateGraph(size: GraphSize, seed = 42): SyntheticGraph {
  const random = prng(seed);
  const nodes: GraphNode[] = [
    {
      id: 'synthetic',
      kind: 'SOURCE',
      name: 'Synthetic benchmark data',
      altNames: [],
      names: [],
      sourceType: 'DATASET',
      sources: PROVENANCE,
    },
  ];
  const municipalityIds: string[] = [];
  for (let i = 0; i < size.municipalities; i++) {
    const id = `m${i}`;
    municipalityIds.push(id);
    nodes.push({
      id,
      kind: 'MUNICIPALITY',
      name: placeName(random, i),
      altNames: [],
      names: [],
      level: 'MUNICIPALITY',
      country: COUNTRIES[i % COUNTRIES.length],
      sources: PROVENANCE,
    });
  }
  const partnerKinds: RelationKind[] = [];
  for (let i = 0; i < size.partners; i++) {
    let r = random();
    let entry = PARTNER_KINDS[0]!;
    for (const candidate of PARTNER_KINDS) {
      if (r < candidate[2]) {
        entry = candidate;
        break;
      }
      r -= candidate[2];
    }
    const [kind, relation] = entry;
    partnerKinds.push(relation);
    const node: GraphNode = {
      id: `p${i}`,
      kind,
      name: `${kind.toLowerCase().replace('_', ' ')} ${placeName(random, i)}`,
      altNames: [],
      names: [],
      sources: PROVENANCE,
    };
    if (kind === 'ORGANIZATION') node.orgType = 'NGO';
    nodes.push(node);
  }
  const projects = partnerKinds.flatMap((kind, i) => (kind === 'PARTICIPATES_IN' ? [i] : []));
  const relations: GraphRelation[] = [];
  const seen = new Set<string>();
  while (relations.length < size.edges) {
    const m = skewed(random, size.municipalities, 1.3);
    let kind: RelationKind;
    let to: string;
    if (random() < 0.25) {
      const other = Math.floor(random() * size.municipalities);
      if (other === m) continue;
      kind = 'COLLABORATES_WITH';
      to = `m${other}`;
    } else {
      let p = skewed(random, size.partners);
      if (partnerKinds[p] === 'PARTICIPATES_IN') p = projects[Math.floor(random() * projects.length)]!;
      kind = partnerKinds[p]!;
      to = `p${p}`;
    }
    const id = `m${m}-${to}`;
    if (seen.has(id)) continue;
    seen.add(id);
    // Programmes fund municipalities; everything else points from the municipality.
    const [from, target] = kind === 'FUNDS' ? [to, `m${m}`] : [`m${m}`, to];
    relations.push({ id, kind, from, to: target, sources: PROVENANCE });
  }
  return { nodes, relations, municipalityIds };
}
