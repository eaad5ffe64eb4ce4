import type { GraphNode, NodeKind } from '../../domain/model.js';
import type { PartnerSuggestionResult, SimilarityMatch } from '../GraphAnalytics.js';
import type { SimilarityBasis } from './features.js';
import type { FeatureWeighting, SimilarityMetric } from './similarity.js';

/**
 * Peers and suggestions explained in plain words, from the numbers the stores return: what is
 * shared (rarest first), and the formula with the figures of this pair (docs/adr/0014).
 */

const BASIS_WORDS: Record<SimilarityBasis, [string, string]> = {
  PARTNER_MUNICIPALITIES: ['partner city', 'partner cities'],
  PARTNER_ORGANIZATIONS: ['partner organisation', 'partner organisations'],
  NETWORKS: ['network', 'networks'],
  FUNDING_PROGRAMS: ['funding programme', 'funding programmes'],
  PROJECTS: ['project', 'projects'],
  THEMES: ['theme', 'themes'],
  APPROACHES: ['approach', 'approaches'],
  PARTNER_COUNTRIES: ['partner country', 'partner countries'],
};

const KIND_WORDS: Partial<Record<NodeKind, [string, string]>> = {
  MUNICIPALITY: ['municipality', 'municipalities'],
  ORGANIZATION: ['organisation', 'organisations'],
  NETWORK: ['network', 'networks'],
  FUNDING_PROGRAM: ['funding programme', 'funding programmes'],
  PROJECT: ['project', 'projects'],
};

const MOST_NAMED = 3;

const counted = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
const fixed = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));

/** "a, b and c", naming at most three and counting the rest. */
export function listWords(names: readonly string[]): string {
  const shown = names.slice(0, MOST_NAMED);
  if (names.length > MOST_NAMED) shown.push(`${names.length - MOST_NAMED} more`);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * "Shares with Leuven 2 partner cities (Dogbo and Banfora) and 1 network (Euro Cities). ..." then
 * how the score is formed under the metric and weighting.
 */
export function explainPeer(self: GraphNode, match: SimilarityMatch, metric: SimilarityMetric, weighting: FeatureWeighting): string {
  const parts = match.byBasis
    .filter((b) => b.shared.length > 0)
    .sort((a, b) => b.score - a.score)
    .map(
      (b) =>
        `${counted(b.shared.length, BASIS_WORDS[b.basis])} (${listWords([...b.shared].sort((x, y) => y.weight - x.weight).map((f) => f.node.name))})`,
    );
  const sentences = [
    parts.length > 0 ? `Shares with ${self.name} ${listWords(parts)}.` : `Shares nothing with ${self.name} in these bases.`,
  ];
  if (match.partnerships.length > 0) sentences.push(`Already a partner: ${listWords(match.partnerships.map((p) => p.name))}.`);
  if (match.directTies.length > 0)
    sentences.push(
      `Direct tie${match.directTies.length > 1 ? 's' : ''}: ${listWords(match.directTies.map((r) => r.kind.toLowerCase().replace(/_/g, ' ')))}.`,
    );
  sentences.push(formulaWords(self, match, metric, weighting));
  return sentences.join(' ');
}

function formulaWords(self: GraphNode, match: SimilarityMatch, metric: SimilarityMetric, weighting: FeatureWeighting): string {
  const n = match.municipalityCount;
  const rarest = match.byBasis.flatMap((b) => b.shared).sort((a, b) => b.weight - a.weight)[0];
  const weightRule =
    metric === 'ADAMIC_ADAR'
      ? `Each shared thing counts 1 / ln(how many municipalities have it)${rarest ? `: ${rarest.node.name} (${rarest.holders} have it) counts ${fixed(rarest.weight)}` : ''}.`
      : weighting === 'RARITY'
        ? `Rarer things count more: a thing n of the ${n} municipalities have weighs ln(1 + ${n} / n)${rarest ? `, so ${rarest.node.name} (${rarest.holders} have it) weighs ${fixed(rarest.weight)}` : ''}.`
        : 'Every shared thing counts 1.';
  const { own, theirs, shared } = match.totals;
  const score = fixed(match.score);
  switch (metric) {
    case 'JACCARD':
      return `${weightRule} Score ${score} = shared ${fixed(shared)} / (${self.name} ${fixed(own)} + ${match.peer.name} ${fixed(theirs)} - shared ${fixed(shared)}).`;
    case 'OVERLAP':
      return `${weightRule} Score ${score} = shared ${fixed(shared)} / the smaller of ${fixed(own)} and ${fixed(theirs)}.`;
    case 'ADAMIC_ADAR':
      return `${weightRule} Score ${score} is their sum.`;
    case 'WEIGHTED':
      return `${weightRule} Score ${score} = the shared part of each basis, averaged with your basis weights.`;
  }
}

/** "Through 2 municipalities (Dogbo and Banfora) and 1 network (Euro Cities)." */
export function explainSuggestion(suggestion: Pick<PartnerSuggestionResult, 'via'>): string {
  const groups = new Map<string, string[]>();
  for (const v of suggestion.via) {
    const key = v.kind;
    groups.set(key, [...(groups.get(key) ?? []), v.name]);
  }
  const parts = [...groups].map(
    ([kind, names]) => `${counted(names.length, KIND_WORDS[kind as NodeKind] ?? ['link', 'links'])} (${listWords(names)})`,
  );
  return `Through ${listWords(parts)}.`;
}
