import type { GraphNode, NodeKind } from '../../domain/model.js';

/**
 * The similarity rules shared by every store and by the brute-force reference in the tests:
 * which features a municipality has, and how two feature sets score. Stores only differ in how
 * they find the features; the arithmetic is this module's, so the answers agree to the last bit.
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

export const SIMILARITY_METRICS = ['JACCARD', 'OVERLAP', 'ADAMIC_ADAR', 'WEIGHTED'] as const;
export type SimilarityMetric = (typeof SIMILARITY_METRICS)[number];

/** The basis a linked node counts for, by its kind (countries are derived separately). */
export const BASIS_OF_KIND: Partial<Record<NodeKind, SimilarityBasis>> = {
  MUNICIPALITY: 'PARTNER_MUNICIPALITIES',
  ORGANIZATION: 'PARTNER_ORGANIZATIONS',
  NETWORK: 'NETWORKS',
  FUNDING_PROGRAM: 'FUNDING_PROGRAMS',
  PROJECT: 'PROJECTS',
  THEME: 'THEMES',
  APPROACH: 'APPROACHES',
};

/** Relationship kinds that do not make two nodes "linked" for similarity and suggestions. */
export const UNLINKING_RELATIONS = ['LOCATED_IN', 'PART_OF'] as const;

/** Feature ids per basis, each list sorted by id. */
export type FeatureSets = Map<SimilarityBasis, string[]>;

/**
 * The features of a node from the nodes it is linked to (see GraphAnalytics): each linked node
 * counts for its kind's basis, and partner municipalities and organisations also give their
 * country (as the COUNTRY node's id) to PARTNER_COUNTRIES.
 */
export function featuresFromLinked(linked: Iterable<GraphNode>, countryNodeId: (code: string) => string): FeatureSets {
  const sets = new Map<SimilarityBasis, Set<string>>();
  const add = (basis: SimilarityBasis, id: string) => {
    let set = sets.get(basis);
    if (!set) sets.set(basis, (set = new Set()));
    set.add(id);
  };
  for (const node of linked) {
    const basis = BASIS_OF_KIND[node.kind];
    if (!basis) continue;
    add(basis, node.id);
    if ((node.kind === 'MUNICIPALITY' || node.kind === 'ORGANIZATION') && node.country) add('PARTNER_COUNTRIES', countryNodeId(node.country));
  }
  const out: FeatureSets = new Map();
  for (const basis of SIMILARITY_BASES) {
    const set = sets.get(basis);
    if (set) out.set(basis, [...set].sort());
  }
  return out;
}

export interface BasisPart {
  basis: SimilarityBasis;
  score: number;
  /** Shared feature ids, sorted. */
  shared: string[];
}

export interface PairScore {
  score: number;
  byBasis: BasisPart[];
}

export interface ScoreOptions {
  metric: SimilarityMetric;
  bases: readonly SimilarityBasis[];
  /** Weights for WEIGHTED; a basis without one weighs 1. */
  weights?: Partial<Record<SimilarityBasis, number>>;
  /** ADAMIC_ADAR: how many municipalities have this feature (in its basis). */
  holders?: (basis: SimilarityBasis, featureId: string) => number;
}

export function intersect(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

/** What scoring needs of one basis: the two set sizes, the shared count and, for ADAMIC_ADAR, the sum. */
export interface BasisCounts {
  sizeA: number;
  sizeB: number;
  shared: number;
  /** Sum over the shared features, in feature id order, of 1 / ln(max(2, holders)). */
  adamicAdar: number;
}

/** The inverse-log weight of a shared feature held by `holders` municipalities. */
export function adamicAdarWeight(holders: number): number {
  return 1 / Math.log(Math.max(2, holders));
}

/**
 * The per-basis parts of a pair's score from counts, bases in the order of `counts` (= options.bases);
 * the score is their sum in that order. The one place the metrics' arithmetic lives.
 */
export function scoreFromCounts(counts: readonly BasisCounts[], options: ScoreOptions): number[] {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const c of counts) {
    sizeA += c.sizeA;
    sizeB += c.sizeB;
    shared += c.shared;
  }
  switch (options.metric) {
    case 'JACCARD': {
      const union = sizeA + sizeB - shared;
      return counts.map((c) => (union === 0 ? 0 : c.shared / union));
    }
    case 'OVERLAP': {
      const smaller = Math.min(sizeA, sizeB);
      return counts.map((c) => (smaller === 0 ? 0 : c.shared / smaller));
    }
    case 'ADAMIC_ADAR':
      return counts.map((c) => c.adamicAdar);
    case 'WEIGHTED': {
      const weights = options.bases.map((b) => options.weights?.[b] ?? 1);
      let total = 0;
      for (const w of weights) total += w;
      return counts.map((c, i) => {
        const union = c.sizeA + c.sizeB - c.shared;
        const jaccard = union === 0 ? 0 : c.shared / union;
        return total === 0 ? 0 : (weights[i]! * jaccard) / total;
      });
    }
  }
}

export function sumParts(parts: readonly number[]): number {
  let score = 0;
  for (const p of parts) score += p;
  return score;
}

/** Scores a pair of feature sets: the brute-force way, by intersecting the sorted lists. */
export function scorePair(a: FeatureSets, b: FeatureSets, options: ScoreOptions): PairScore {
  const holders = options.holders ?? (() => 2);
  const counts: BasisCounts[] = [];
  const sharedLists: string[][] = [];
  for (const basis of options.bases) {
    const fa = a.get(basis) ?? [];
    const fb = b.get(basis) ?? [];
    const shared = intersect(fa, fb);
    let adamicAdar = 0;
    for (const z of shared) adamicAdar += adamicAdarWeight(holders(basis, z));
    counts.push({ sizeA: fa.length, sizeB: fb.length, shared: shared.length, adamicAdar });
    sharedLists.push(shared);
  }
  const parts = scoreFromCounts(counts, options);
  return { score: sumParts(parts), byBasis: options.bases.map((basis, i) => ({ basis, score: parts[i]!, shared: sharedLists[i]! })) };
}

/** Order of peers: score descending, then the peer's sort name, then id. */
export function comparePeers(a: { score: number; sortName: string; id: string }, b: { score: number; sortName: string; id: string }): number {
  return b.score - a.score || (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
