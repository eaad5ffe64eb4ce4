import type { SimilarityBasis } from './features.js';

export { SIMILARITY_BASES, UNLINKING_RELATIONS, type SimilarityBasis } from './features.js';

/**
 * The arithmetic of peers (docs/adr/0014-peers-and-suggestions.md), shared by both stores through
 * PeerIndex. With N municipalities in the graph and n(f) of them having feature f:
 * - r(f), how much f counts: RARITY ln(1 + N / n(f)); EQUAL 1. A partner city two municipalities
 *   have counts far more than a country thousands have.
 * - c_b, the weight of basis b: the caller's, else DEFAULT_BASIS_WEIGHTS (partners count most).
 * - R_b(x): the r(f) of x's features in basis b, added in id order; W(x) = the c_b * R_b(x) added
 *   in the query's basis order. T_b: the r(f) of the shared features of b, in id order; S = the
 *   c_b * T_b added in basis order.
 * - JACCARD part_b = c_b * T_b / ((W(a) + W(b)) - S); OVERLAP part_b = c_b * T_b / min(W(a), W(b));
 *   ADAMIC_ADAR part_b = c_b * (sum over shared f of b, in id order, of 1 / ln(max(2, n(f))));
 *   WEIGHTED part_b = (c_b / (sum of c)) * T_b / ((R_b(a) + R_b(b)) - T_b). A part whose
 *   denominator is 0 is 0.
 * - score = the parts added in basis order.
 */

export const SIMILARITY_METRICS = ['JACCARD', 'OVERLAP', 'ADAMIC_ADAR', 'WEIGHTED'] as const;
export type SimilarityMetric = (typeof SIMILARITY_METRICS)[number];

export const FEATURE_WEIGHTINGS = ['RARITY', 'EQUAL'] as const;
export type FeatureWeighting = (typeof FEATURE_WEIGHTINGS)[number];

/** Largest weight a caller may give a basis; weights are relative, so a bound loses nothing. */
export const MAX_BASIS_WEIGHT = 1000;

/**
 * Basis weights when the caller gives none: sharing a partner city says most about two
 * municipalities, sharing a theme, an approach or a partner country least.
 */
export const DEFAULT_BASIS_WEIGHTS: Readonly<Record<SimilarityBasis, number>> = {
  PARTNER_MUNICIPALITIES: 3,
  PARTNER_ORGANIZATIONS: 1,
  NETWORKS: 1,
  FUNDING_PROGRAMS: 1,
  PROJECTS: 1,
  THEMES: 0.5,
  APPROACHES: 0.5,
  PARTNER_COUNTRIES: 0.5,
};

/** c_b for each of the query's bases, in its order. */
export function basisWeightsOf(query: { bases: readonly SimilarityBasis[]; weights?: Partial<Record<SimilarityBasis, number>> }): number[] {
  return query.bases.map((b) => query.weights?.[b] ?? DEFAULT_BASIS_WEIGHTS[b]);
}

/** RARITY weight of a feature held by `holders` of `municipalities`. */
export function rarityWeight(municipalities: number, holders: number): number {
  return Math.log(1 + municipalities / Math.max(1, holders));
}

/** The inverse-log weight of a shared feature held by `holders` municipalities. */
export function adamicAdarWeight(holders: number): number {
  return 1 / Math.log(Math.max(2, holders));
}

/** Per-basis sums of a pair, in the query's basis order: R_b(a), R_b(b), T_b (see the module comment). */
export interface BasisSums {
  own: readonly number[];
  theirs: readonly number[];
  shared: readonly number[];
  adamicAdar: readonly number[];
}

export interface PairTotals {
  own: number;
  theirs: number;
  shared: number;
}

/** W(a), W(b) and S of a pair (see the module comment). */
export function pairTotals(c: readonly number[], sums: BasisSums): PairTotals {
  const totals: PairTotals = { own: 0, theirs: 0, shared: 0 };
  for (let i = 0; i < c.length; i++) {
    totals.own += c[i]! * sums.own[i]!;
    totals.theirs += c[i]! * sums.theirs[i]!;
    totals.shared += c[i]! * sums.shared[i]!;
  }
  return totals;
}

/** The per-basis parts of a pair's score under the query's metric, with c the basis weights. */
export function scoreParts(metric: SimilarityMetric, c: readonly number[], sums: BasisSums): number[] {
  const { own, theirs, shared } = pairTotals(c, sums);
  const ratio = (x: number, d: number) => (d > 0 ? x / d : 0);
  switch (metric) {
    case 'JACCARD':
      return sums.shared.map((t, i) => ratio(c[i]! * t, own + theirs - shared));
    case 'OVERLAP':
      return sums.shared.map((t, i) => ratio(c[i]! * t, Math.min(own, theirs)));
    case 'ADAMIC_ADAR':
      return sums.adamicAdar.map((t, i) => c[i]! * t);
    case 'WEIGHTED': {
      let total = 0;
      for (const w of c) total += w;
      return sums.shared.map((t, i) => ratio(c[i]!, total) * ratio(t, sums.own[i]! + sums.theirs[i]! - t));
    }
  }
}

/** Order of peers: score descending, then the peer's sort name, then id. */
export function comparePeers(
  a: { score: number; sortName: string; id: string },
  b: { score: number; sortName: string; id: string },
): number {
  return b.score - a.score || (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
