import { BadUserInputError } from '../domain/errors.js';
import type { GraphNode } from '../domain/model.js';
import type { QuerySimilarMunicipalitiesArgs } from '../generated/graphql.js';
import { LIMITS } from '../limits.js';
import { explainPeer, explainSuggestion, type ExplainLang } from '../store/analysis/explain.js';
import { MAX_BASIS_WEIGHT, SIMILARITY_BASES, type SimilarityBasis } from '../store/analysis/similarity.js';
import type { GraphPath, PartnerSuggestionResult, SimilarityMatch, SimilarityQuery } from '../store/GraphAnalytics.js';
import { relationView } from './models.js';
import { pageSize } from './pagination.js';

/**
 * The caller's basis weights, checked: finite, 0 to MAX_BASIS_WEIGHT, and not all 0 over the
 * chosen bases (a weight of 1e308 used to overflow the total and answer an empty list).
 */
function basisWeights(
  weights: readonly { basis: SimilarityBasis; weight: number }[],
  bases: readonly SimilarityBasis[],
): Partial<Record<SimilarityBasis, number>> {
  for (const w of weights) {
    if (!Number.isFinite(w.weight) || w.weight < 0 || w.weight > MAX_BASIS_WEIGHT) {
      throw new BadUserInputError(
        `A basis weight must be a number from 0 to ${MAX_BASIS_WEIGHT} (got ${w.weight} for ${w.basis}); weights are relative, so scale them down.`,
        'weights',
      );
    }
  }
  const byBasis = Object.fromEntries(weights.map((w) => [w.basis, w.weight])) as Partial<Record<SimilarityBasis, number>>;
  if (bases.every((b) => byBasis[b] === 0)) {
    throw new BadUserInputError('Every chosen basis has weight 0, so nothing could score: give at least one a weight above 0.', 'weights');
  }
  return byBasis;
}

/** similarMunicipalities' arguments as a port query, defaults filled in and checked. */
export function similarityQueryOf(
  args: QuerySimilarMunicipalitiesArgs,
): Required<Pick<SimilarityQuery, 'metric' | 'weighting'>> & SimilarityQuery {
  const { id, first, metric, weighting, basis, weights, filter } = args;
  const bases = basis && basis.length > 0 ? [...new Set(basis)] : SIMILARITY_BASES;
  return {
    id,
    first: pageSize(first, LIMITS.peers),
    metric: metric ?? 'JACCARD',
    weighting: weighting ?? 'RARITY',
    bases,
    weights: basisWeights(weights ?? [], bases),
    countries: filter?.countries ?? undefined,
    levels: filter?.levels ?? undefined,
    excludePartners: filter?.excludePartners ?? true,
    excludeDirectTies: filter?.excludeDirectTies ?? false,
    onlyPartners: filter?.onlyPartners ?? false,
  };
}

/** A peer as the schema's SimilarMunicipality: evidence rarest first, and the explanation. */
export function similarMunicipalityView(
  self: GraphNode,
  match: SimilarityMatch,
  query: ReturnType<typeof similarityQueryOf>,
  lang: ExplainLang = 'en',
) {
  return {
    peer: match.peer,
    score: match.score,
    byBasis: match.byBasis.map((b) => ({
      basis: b.basis,
      score: b.score,
      shared: b.shared.map((f) => f.node),
      features: [...b.shared].sort((x, y) => y.weight - x.weight),
    })),
    isPartner: match.partnerships.length > 0,
    partnerships: match.partnerships,
    directTies: match.directTies.map(relationView),
    explanation: explainPeer(self, match, query.metric, query.weighting, lang),
  };
}

export const pathView = (p: GraphPath) => ({ nodes: p.nodes, relations: p.relations.map(relationView), length: p.relations.length });

/** A suggestion as the schema's PartnerSuggestion. */
export function partnerSuggestionView(s: PartnerSuggestionResult, lang: ExplainLang = 'en') {
  return {
    candidate: s.candidate,
    score: s.score,
    pathCount: s.pathCount,
    paths: s.paths.map(pathView),
    explanation: explainSuggestion(s, lang),
  };
}
