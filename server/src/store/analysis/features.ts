import { countryNodeId, type NodeKind, type RelationKind } from '../../domain/model.js';

/**
 * What a municipality has, for peers (docs/adr/0014-peers-and-suggestions.md): the rules that turn
 * the relationships around it into features per basis, its partners and its direct ties. Both
 * stores read the same relationships (its own, and those of its partnerships and projects) and
 * call featuresOf, so they cannot disagree on what a basis counts.
 */

export const SIMILARITY_BASES = [
  'PARTNER_MUNICIPALITIES',
  'PARTNER_ORGANIZATIONS',
  'NETWORKS',
  'FUNDING_PROGRAMS',
  'PROJECTS',
  'THEMES',
  'APPROACHES',
  'PARTNER_COUNTRIES',
] as const;
export type SimilarityBasis = (typeof SIMILARITY_BASES)[number];

/** Relationship kinds that never make two nodes cooperate (where a thing is, what it belongs to). */
export const UNLINKING_RELATIONS = ['LOCATED_IN', 'PART_OF'] as const;
const UNLINKING: ReadonlySet<string> = new Set(UNLINKING_RELATIONS);

/** How a municipality's context is formed: the partnerships it is party to, the projects it runs. */
export const CONTEXT_LINKS: readonly { relation: RelationKind; kind: NodeKind }[] = [
  { relation: 'PARTY_TO', kind: 'PARTNERSHIP' },
  { relation: 'PARTICIPATES_IN', kind: 'PROJECT' },
  { relation: 'COORDINATES', kind: 'PROJECT' },
];

/** The basis a linked node counts for, by its kind (countries come from partners, see featuresOf). */
const BASIS_OF_KIND: Partial<Record<NodeKind, SimilarityBasis>> = {
  ORGANIZATION: 'PARTNER_ORGANIZATIONS',
  NETWORK: 'NETWORKS',
  FUNDING_PROGRAM: 'FUNDING_PROGRAMS',
  PROJECT: 'PROJECTS',
  THEME: 'THEMES',
  APPROACH: 'APPROACHES',
};

export interface TieEnd {
  id: string;
  kind: NodeKind;
  country?: string;
}

/**
 * One relationship of the municipality or of a node of its context, read by a store: `via` is the
 * context node it touches (the municipality itself for its own relationships), `other` the far end.
 */
export interface Tie {
  via: TieEnd;
  relation: RelationKind;
  relationId: string;
  other: TieEnd;
}

/** Feature ids per basis, each list sorted by id (code-unit order); bases without features absent. */
export type FeatureSets = Map<SimilarityBasis, string[]>;

export interface MunicipalityFeatures {
  features: FeatureSets;
  /** Partner municipality id -> ids of the partnerships shared with it, sorted. */
  partners: Map<string, string[]>;
  /** Municipality id -> ids of the relationships directly between the two, sorted (partners included). */
  directTies: Map<string, string[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
};

/**
 * The features of municipality `self` from the ties of its context ({self} and `context`):
 * - PARTNER_MUNICIPALITIES: the other municipalities PARTY_TO a partnership self is PARTY_TO
 *   (a partnership's collaboration with another partnership does not make partners);
 * - PROJECTS: the projects of its context, and projects tied to it or to its partnerships;
 * - PARTNER_ORGANIZATIONS, NETWORKS, FUNDING_PROGRAMS, THEMES, APPROACHES: nodes of that kind
 *   tied to self or to a node of its context;
 * - PARTNER_COUNTRIES: the countries (COUNTRY node ids) of its partner municipalities and partner
 *   organisations, except self's own country.
 * Ties through LOCATED_IN and PART_OF, and ties to self or to its context, count for nothing. A
 * municipality tied to self itself is a direct tie: evidence, not a feature.
 */
export function featuresOf(self: TieEnd, context: readonly TieEnd[], ties: Iterable<Tie>): MunicipalityFeatures {
  const sets = new Map<SimilarityBasis, Set<string>>();
  const add = (basis: SimilarityBasis, id: string) => {
    let set = sets.get(basis);
    if (!set) sets.set(basis, (set = new Set()));
    set.add(id);
  };
  const addCountry = (country: string | undefined) => {
    if (country && country !== self.country) add('PARTNER_COUNTRIES', countryNodeId(country));
  };
  const inContext = new Set([self.id, ...context.map((c) => c.id)]);
  for (const c of context) if (c.kind === 'PROJECT') add('PROJECTS', c.id);
  const partners = new Map<string, string[]>();
  const directTies = new Map<string, string[]>();
  for (const tie of ties) {
    if (UNLINKING.has(tie.relation) || inContext.has(tie.other.id)) continue;
    const other = tie.other;
    if (other.kind === 'MUNICIPALITY') {
      if (tie.via.id === self.id) push(directTies, other.id, tie.relationId);
      else if (tie.via.kind === 'PARTNERSHIP' && tie.relation === 'PARTY_TO') {
        push(partners, other.id, tie.via.id);
        add('PARTNER_MUNICIPALITIES', other.id);
        addCountry(other.country);
      }
      continue;
    }
    const basis = BASIS_OF_KIND[other.kind];
    if (!basis) continue;
    add(basis, other.id);
    if (other.kind === 'ORGANIZATION') addCountry(other.country);
  }
  const features: FeatureSets = new Map();
  for (const basis of SIMILARITY_BASES) {
    const set = sets.get(basis);
    if (set) features.set(basis, [...set].sort());
  }
  for (const list of partners.values()) list.sort();
  for (const list of directTies.values()) list.sort();
  return { features, partners, directTies };
}
