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

/** The inverse-log weight of a shared feature held by `holders` municipalities. */
export function adamicAdarWeight(holders: number): number {
  return 1 / Math.log(Math.max(2, holders));
}

/**
 * The one place the metrics' arithmetic lives. For a pair, per basis i (in options.bases order):
 * sizeA[aAt + i], sizeB[bAt + i] (feature counts of each side), shared[sAt + i] (shared count) and
 * adamicAdar[sAt + i] (sum over shared features, in feature id order, of adamicAdarWeight).
 * Writes the per-basis parts into `parts` when given and returns their sum, added in basis order.
 * Flat arrays and offsets so the embedded store can score thousands of candidates without
 * allocating; scorePair (and the reference in the tests) call it the same way.
 */
export class PairScorer {
  private readonly weights: number[];
  private readonly totalWeight: number;
  readonly size: number;

  constructor(private readonly options: ScoreOptions) {
    this.size = options.bases.length;
    this.weights = options.bases.map((b) => options.weights?.[b] ?? 1);
    let total = 0;
    for (const w of this.weights) total += w;
    this.totalWeight = total;
  }

  score(
    sizeA: ArrayLike<number>,
    aAt: number,
    sizeB: ArrayLike<number>,
    bAt: number,
    shared: ArrayLike<number>,
    adamicAdar: ArrayLike<number>,
    sAt: number,
    parts?: number[],
  ): number {
    const n = this.size;
    let totalA = 0;
    let totalB = 0;
    let totalShared = 0;
    for (let i = 0; i < n; i++) {
      totalA += sizeA[aAt + i]!;
      totalB += sizeB[bAt + i]!;
      totalShared += shared[sAt + i]!;
    }
    const union = totalA + totalB - totalShared;
    const smaller = Math.min(totalA, totalB);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const common = shared[sAt + i]!;
      let part: number;
      switch (this.options.metric) {
        case 'JACCARD':
          part = union === 0 ? 0 : common / union;
          break;
        case 'OVERLAP':
          part = smaller === 0 ? 0 : common / smaller;
          break;
        case 'ADAMIC_ADAR':
          part = adamicAdar[sAt + i]!;
          break;
        case 'WEIGHTED': {
          const u = sizeA[aAt + i]! + sizeB[bAt + i]! - common;
          const jaccard = u === 0 ? 0 : common / u;
          part = this.totalWeight === 0 ? 0 : (this.weights[i]! * jaccard) / this.totalWeight;
          break;
        }
      }
      if (parts) parts[i] = part;
      sum += part;
    }
    return sum;
  }
}

/** Scores a pair of feature sets: the brute-force way, by intersecting the sorted lists. */
export function scorePair(a: FeatureSets, b: FeatureSets, options: ScoreOptions): PairScore {
  const holders = options.holders ?? (() => 2);
  const sizeA: number[] = [];
  const sizeB: number[] = [];
  const sharedCounts: number[] = [];
  const sums: number[] = [];
  const sharedLists: string[][] = [];
  for (const basis of options.bases) {
    const fa = a.get(basis) ?? [];
    const fb = b.get(basis) ?? [];
    const shared = intersect(fa, fb);
    let adamicAdar = 0;
    for (const z of shared) adamicAdar += adamicAdarWeight(holders(basis, z));
    sizeA.push(fa.length);
    sizeB.push(fb.length);
    sharedCounts.push(shared.length);
    sums.push(adamicAdar);
    sharedLists.push(shared);
  }
  const parts: number[] = [];
  const score = new PairScorer(options).score(sizeA, 0, sizeB, 0, sharedCounts, sums, 0, parts);
  return { score, byBasis: options.bases.map((basis, i) => ({ basis, score: parts[i]!, shared: sharedLists[i]! })) };
}

/** Order of peers: score descending, then the peer's sort name, then id. */
export function comparePeers(a: { score: number; sortName: string; id: string }, b: { score: number; sortName: string; id: string }): number {
  return b.score - a.score || (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
