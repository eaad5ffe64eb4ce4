import type { GraphNode, NodeKind } from '../../domain/model.js';
import type { PartnerSuggestionResult, SimilarityMatch } from '../GraphAnalytics.js';
import type { SimilarityBasis } from './features.js';
import type { FeatureWeighting, SimilarityMetric } from './similarity.js';

/**
 * Peers and suggestions explained in plain words, from the numbers the stores return: what is
 * shared (rarest first), and the formula with the figures of this pair (docs/adr/0014).
 */

/** The languages the explanations are written in (the explorer's); another asked language gets English. */
export const EXPLAIN_LANGS = ['en', 'nl', 'fr'] as const;
export type ExplainLang = (typeof EXPLAIN_LANGS)[number];

/** The first of the request's languages (Accept-Language, best first) that explanations are written in; else English. */
export const explainLangOf = (languages: readonly string[] = []): ExplainLang =>
  (languages.find((l): l is ExplainLang => (EXPLAIN_LANGS as readonly string[]).includes(l)) ?? 'en') as ExplainLang;

type Forms = [one: string, many: string];

/** The words of one language: counted nouns, list joining, and each sentence with its figures. */
interface Words {
  basis: Record<SimilarityBasis, Forms>;
  kind: Partial<Record<NodeKind, Forms>>;
  link: Forms;
  and: string;
  more(n: number): string;
  /** Decimal notation: "0.42", "0,42". */
  decimal: string;
  shares(self: string, parts: string): string;
  sharesNothing(self: string): string;
  partner(names: string): string;
  ties(count: number, kinds: string): string;
  adamic(rarest: string): string;
  adamicRarest(name: string, holders: number, weight: string): string;
  rarity(n: number, rarest: string): string;
  rarityRarest(name: string, holders: number, weight: string): string;
  equal: string;
  jaccard(rule: string, score: string, shared: string, self: string, own: string, peer: string, theirs: string): string;
  overlap(rule: string, score: string, shared: string, own: string, theirs: string): string;
  sum(rule: string, score: string): string;
  weighted(rule: string, score: string): string;
  through(parts: string): string;
}

const WORDS: Record<ExplainLang, Words> = {
  en: {
    basis: {
      PARTNER_MUNICIPALITIES: ['partner city', 'partner cities'],
      PARTNER_ORGANIZATIONS: ['partner organisation', 'partner organisations'],
      NETWORKS: ['network', 'networks'],
      FUNDING_PROGRAMS: ['funding programme', 'funding programmes'],
      PROJECTS: ['project', 'projects'],
      THEMES: ['theme', 'themes'],
      APPROACHES: ['approach', 'approaches'],
      PARTNER_COUNTRIES: ['partner country', 'partner countries'],
    },
    kind: {
      MUNICIPALITY: ['municipality', 'municipalities'],
      ORGANIZATION: ['organisation', 'organisations'],
      NETWORK: ['network', 'networks'],
      FUNDING_PROGRAM: ['funding programme', 'funding programmes'],
      PROJECT: ['project', 'projects'],
    },
    link: ['link', 'links'],
    and: 'and',
    more: (n) => `${n} more`,
    decimal: '.',
    shares: (self, parts) => `Shares with ${self} ${parts}.`,
    sharesNothing: (self) => `Shares nothing with ${self} in these bases.`,
    partner: (names) => `Already a partner: ${names}.`,
    ties: (count, kinds) => `Direct tie${count > 1 ? 's' : ''}: ${kinds}.`,
    adamic: (rarest) => `Each shared thing counts 1 / ln(how many municipalities have it)${rarest}.`,
    adamicRarest: (name, holders, weight) => `: ${name} (${holders} have it) counts ${weight}`,
    rarity: (n, rarest) => `Rarer things count more: a thing n of the ${n} municipalities have weighs ln(1 + ${n} / n)${rarest}.`,
    rarityRarest: (name, holders, weight) => `, so ${name} (${holders} have it) weighs ${weight}`,
    equal: 'Every shared thing counts 1.',
    jaccard: (rule, score, shared, self, own, peer, theirs) =>
      `${rule} Score ${score} = shared ${shared} / (${self} ${own} + ${peer} ${theirs} - shared ${shared}).`,
    overlap: (rule, score, shared, own, theirs) => `${rule} Score ${score} = shared ${shared} / the smaller of ${own} and ${theirs}.`,
    sum: (rule, score) => `${rule} Score ${score} is their sum.`,
    weighted: (rule, score) => `${rule} Score ${score} = the shared part of each basis, averaged with your basis weights.`,
    through: (parts) => `Through ${parts}.`,
  },
  nl: {
    basis: {
      PARTNER_MUNICIPALITIES: ['partnergemeente', 'partnergemeenten'],
      PARTNER_ORGANIZATIONS: ['partnerorganisatie', 'partnerorganisaties'],
      NETWORKS: ['netwerk', 'netwerken'],
      FUNDING_PROGRAMS: ['financieringsprogramma', "financieringsprogramma's"],
      PROJECTS: ['project', 'projecten'],
      THEMES: ['thema', "thema's"],
      APPROACHES: ['werkvorm', 'werkvormen'],
      PARTNER_COUNTRIES: ['partnerland', 'partnerlanden'],
    },
    kind: {
      MUNICIPALITY: ['gemeente', 'gemeenten'],
      ORGANIZATION: ['organisatie', 'organisaties'],
      NETWORK: ['netwerk', 'netwerken'],
      FUNDING_PROGRAM: ['financieringsprogramma', "financieringsprogramma's"],
      PROJECT: ['project', 'projecten'],
    },
    link: ['verbinding', 'verbindingen'],
    and: 'en',
    more: (n) => `nog ${n}`,
    decimal: ',',
    shares: (self, parts) => `Deelt met ${self} ${parts}.`,
    sharesNothing: (self) => `Deelt in deze grondslagen niets met ${self}.`,
    partner: (names) => `Al partner: ${names}.`,
    ties: (count, kinds) => `${count > 1 ? 'Rechtstreekse banden' : 'Rechtstreekse band'}: ${kinds}.`,
    adamic: (rarest) => `Elk gedeeld ding telt 1 / ln(hoeveel gemeenten het hebben)${rarest}.`,
    adamicRarest: (name, holders, weight) => `: ${name} (${holders} hebben het) telt ${weight}`,
    rarity: (n, rarest) => `Wat zeldzaam is, telt zwaarder: iets dat n van de ${n} gemeenten hebben, weegt ln(1 + ${n} / n)${rarest}.`,
    rarityRarest: (name, holders, weight) => `, dus ${name} (${holders} hebben het) weegt ${weight}`,
    equal: 'Elk gedeeld ding telt voor 1.',
    jaccard: (rule, score, shared, self, own, peer, theirs) =>
      `${rule} Score ${score} = gedeeld ${shared} / (${self} ${own} + ${peer} ${theirs} - gedeeld ${shared}).`,
    overlap: (rule, score, shared, own, theirs) => `${rule} Score ${score} = gedeeld ${shared} / de kleinste van ${own} en ${theirs}.`,
    sum: (rule, score) => `${rule} Score ${score} is hun som.`,
    weighted: (rule, score) => `${rule} Score ${score} = het gedeelde deel van elke grondslag, gemiddeld met uw gewichten per grondslag.`,
    through: (parts) => `Via ${parts}.`,
  },
  fr: {
    basis: {
      PARTNER_MUNICIPALITIES: ['commune partenaire', 'communes partenaires'],
      PARTNER_ORGANIZATIONS: ['organisation partenaire', 'organisations partenaires'],
      NETWORKS: ['réseau', 'réseaux'],
      FUNDING_PROGRAMS: ['programme de financement', 'programmes de financement'],
      PROJECTS: ['projet', 'projets'],
      THEMES: ['thème', 'thèmes'],
      APPROACHES: ['approche', 'approches'],
      PARTNER_COUNTRIES: ['pays partenaire', 'pays partenaires'],
    },
    kind: {
      MUNICIPALITY: ['commune', 'communes'],
      ORGANIZATION: ['organisation', 'organisations'],
      NETWORK: ['réseau', 'réseaux'],
      FUNDING_PROGRAM: ['programme de financement', 'programmes de financement'],
      PROJECT: ['projet', 'projets'],
    },
    link: ['lien', 'liens'],
    and: 'et',
    more: (n) => (n === 1 ? '1 autre' : `${n} autres`),
    decimal: ',',
    shares: (self, parts) => `Partage avec ${self} ${parts}.`,
    sharesNothing: (self) => `Ne partage rien avec ${self} dans ces bases.`,
    partner: (names) => `Déjà partenaire : ${names}.`,
    ties: (count, kinds) => `${count > 1 ? 'Liens directs' : 'Lien direct'} : ${kinds}.`,
    adamic: (rarest) => `Chaque élément partagé compte 1 / ln(nombre de communes qui l'ont)${rarest}.`,
    adamicRarest: (name, holders, weight) => ` : ${name} (${holders} l'ont) compte ${weight}`,
    rarity: (n, rarest) => `Ce qui est rare compte davantage : un élément que n des ${n} communes ont pèse ln(1 + ${n} / n)${rarest}.`,
    rarityRarest: (name, holders, weight) => `, donc ${name} (${holders} l'ont) pèse ${weight}`,
    equal: 'Chaque élément partagé compte pour 1.',
    jaccard: (rule, score, shared, self, own, peer, theirs) =>
      `${rule} Score ${score} = partagé ${shared} / (${self} ${own} + ${peer} ${theirs} - partagé ${shared}).`,
    overlap: (rule, score, shared, own, theirs) => `${rule} Score ${score} = partagé ${shared} / le plus petit de ${own} et ${theirs}.`,
    sum: (rule, score) => `${rule} Score ${score} est leur somme.`,
    weighted: (rule, score) => `${rule} Score ${score} = la part partagée de chaque base, en moyenne selon vos poids par base.`,
    through: (parts) => `Par ${parts}.`,
  },
};

const MOST_NAMED = 3;

const counted = (n: number, [one, many]: Forms) => `${n} ${n === 1 ? one : many}`;
const fixedIn = (w: Words) => (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2)).replace('.', w.decimal);

/** "a, b and c", naming at most three and counting the rest. */
export function listWords(names: readonly string[], lang: ExplainLang = 'en'): string {
  const w = WORDS[lang];
  const shown = names.slice(0, MOST_NAMED);
  if (names.length > MOST_NAMED) shown.push(w.more(names.length - MOST_NAMED));
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} ${w.and} ${shown.at(-1)}`;
}

/**
 * "Shares with Leuven 2 partner cities (Dogbo and Banfora) and 1 network (Euro Cities). ..." then
 * how the score is formed under the metric and weighting, in English, Dutch or French.
 */
export function explainPeer(
  self: GraphNode,
  match: SimilarityMatch,
  metric: SimilarityMetric,
  weighting: FeatureWeighting,
  lang: ExplainLang = 'en',
): string {
  const w = WORDS[lang];
  const list = (names: readonly string[]) => listWords(names, lang);
  const parts = match.byBasis
    .filter((b) => b.shared.length > 0)
    .sort((a, b) => b.score - a.score)
    .map(
      (b) =>
        `${counted(b.shared.length, w.basis[b.basis])} (${list([...b.shared].sort((x, y) => y.weight - x.weight).map((f) => f.node.name))})`,
    );
  const sentences = [parts.length > 0 ? w.shares(self.name, list(parts)) : w.sharesNothing(self.name)];
  if (match.partnerships.length > 0) sentences.push(w.partner(list(match.partnerships.map((p) => p.name))));
  if (match.directTies.length > 0)
    sentences.push(w.ties(match.directTies.length, list(match.directTies.map((r) => r.kind.toLowerCase().replace(/_/g, ' ')))));
  sentences.push(formulaWords(self, match, metric, weighting, w));
  return sentences.join(' ');
}

function formulaWords(self: GraphNode, match: SimilarityMatch, metric: SimilarityMetric, weighting: FeatureWeighting, w: Words): string {
  const fixed = fixedIn(w);
  const n = match.municipalityCount;
  const rarest = match.byBasis.flatMap((b) => b.shared).sort((a, b) => b.weight - a.weight)[0];
  const weightRule =
    metric === 'ADAMIC_ADAR'
      ? w.adamic(rarest ? w.adamicRarest(rarest.node.name, rarest.holders, fixed(rarest.weight)) : '')
      : weighting === 'RARITY'
        ? w.rarity(n, rarest ? w.rarityRarest(rarest.node.name, rarest.holders, fixed(rarest.weight)) : '')
        : w.equal;
  const { own, theirs, shared } = match.totals;
  const score = fixed(match.score);
  switch (metric) {
    case 'JACCARD':
      return w.jaccard(weightRule, score, fixed(shared), self.name, fixed(own), match.peer.name, fixed(theirs));
    case 'OVERLAP':
      return w.overlap(weightRule, score, fixed(shared), fixed(own), fixed(theirs));
    case 'ADAMIC_ADAR':
      return w.sum(weightRule, score);
    case 'WEIGHTED':
      return w.weighted(weightRule, score);
  }
}

/** "Through 2 municipalities (Dogbo and Banfora) and 1 network (Euro Cities)." */
export function explainSuggestion(suggestion: Pick<PartnerSuggestionResult, 'via'>, lang: ExplainLang = 'en'): string {
  const w = WORDS[lang];
  const groups = new Map<string, string[]>();
  for (const v of suggestion.via) {
    const key = v.kind;
    groups.set(key, [...(groups.get(key) ?? []), v.name]);
  }
  const parts = [...groups].map(
    ([kind, names]) => `${counted(names.length, w.kind[kind as NodeKind] ?? w.link)} (${listWords(names, lang)})`,
  );
  return w.through(listWords(parts, lang));
}
