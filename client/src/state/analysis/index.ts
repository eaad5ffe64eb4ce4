import type {
  ApproachFeature,
  FeatureWeighting,
  FeatureWish,
  MunicipalityLevel,
  RelationKind,
  SimilarityBasis,
  SimilarityMetric,
} from '../../gql/graphql.js';
import { relationVerb } from '../../graph/kinds.js';
import type { ViewState } from '../../graph/model.js';
import { formatNumber, t } from '../../i18n/index.js';
import { expand } from '../view/index.js';

/** The analysis domain: options of the analysis panels and pure helpers that shape their results. */

/**
 * The peers panel's settings (they live in the URL, see url.ts). Partners are never peers: the
 * panel lists them apart ("Already partners").
 */
export interface PeerOptions {
  metric: SimilarityMetric;
  weighting: FeatureWeighting;
  /** The bases compared; all when empty. */
  bases: SimilarityBasis[];
  countries: string[];
  levels: MunicipalityLevel[];
  excludeDirectTies: boolean;
}

export const initialPeerOptions = (): PeerOptions => ({
  metric: 'JACCARD',
  weighting: 'RARITY',
  bases: [],
  countries: [],
  levels: [],
  excludeDirectTies: false,
});

/** The measures, in the order the panel lists them; their words are domain:metric.*. */
export const PEER_METRICS: readonly SimilarityMetric[] = ['JACCARD', 'OVERLAP', 'ADAMIC_ADAR', 'WEIGHTED'];
export const metricLabel = (m: SimilarityMetric): string => t(`domain:metric.${m}`);

export const PEER_WEIGHTINGS: readonly FeatureWeighting[] = ['RARITY', 'EQUAL'];
export const weightingLabel = (w: FeatureWeighting): string => t(`domain:weighting.${w}`);

export const MUNICIPALITY_LEVELS: readonly MunicipalityLevel[] = [
  'MUNICIPALITY',
  'CITY',
  'PROVINCE',
  'DEPARTMENT',
  'REGION',
  'INTERMUNICIPAL',
];

export const levelLabel = (l: MunicipalityLevel): string => t(`domain:level.${l}`);

const SIMILARITY_BASES = Object.keys({
  PARTNER_MUNICIPALITIES: 1,
  PARTNER_ORGANIZATIONS: 1,
  NETWORKS: 1,
  FUNDING_PROGRAMS: 1,
  PROJECTS: 1,
  THEMES: 1,
  APPROACHES: 1,
  PARTNER_COUNTRIES: 1,
} satisfies Record<SimilarityBasis, 1>) as SimilarityBasis[];

/** A basis switched on or off; every basis off means all again. */
export function toggleBasis(options: PeerOptions, basis: SimilarityBasis, on: boolean): PeerOptions {
  const current = options.bases.length === 0 ? SIMILARITY_BASES : options.bases;
  const next = SIMILARITY_BASES.filter((b) => (b === basis ? on : current.includes(b)));
  return { ...options, bases: next.length === SIMILARITY_BASES.length ? [] : next };
}

export const basisChosen = (options: PeerOptions, basis: SimilarityBasis) => options.bases.length === 0 || options.bases.includes(basis);

/*
 * In the URL (only what differs from the initial settings):
 *   pm=METRIC  pw=EQUAL  pb=BASIS.BASIS  pc=BE (repeated)  pl=LEVEL (repeated)  pt=1 (leave out direct ties)
 */
export function encodePeerOptions(options: PeerOptions, p: URLSearchParams): void {
  const o = initialPeerOptions();
  if (options.metric !== o.metric) p.set('pm', options.metric);
  if (options.weighting !== o.weighting) p.set('pw', options.weighting);
  if (options.bases.length > 0) p.set('pb', options.bases.join('.'));
  for (const c of options.countries) p.append('pc', c);
  for (const l of options.levels) p.append('pl', l);
  if (options.excludeDirectTies) p.set('pt', '1');
}

/** The settings a query string describes; what it cannot read stays initial. */
export function decodePeerOptions(p: URLSearchParams): PeerOptions {
  const options = initialPeerOptions();
  const metric = p.get('pm');
  if (metric && (PEER_METRICS as readonly string[]).includes(metric)) options.metric = metric as SimilarityMetric;
  if (p.get('pw') === 'EQUAL') options.weighting = 'EQUAL';
  const bases = (p.get('pb') ?? '').split('.').filter((b): b is SimilarityBasis => (SIMILARITY_BASES as string[]).includes(b));
  options.bases = bases.length === SIMILARITY_BASES.length ? [] : SIMILARITY_BASES.filter((b) => bases.includes(b));
  options.countries = [...new Set(p.getAll('pc').filter((c) => /^[A-Z]{2}$/.test(c)))].sort();
  options.levels = MUNICIPALITY_LEVELS.filter((l) => p.getAll('pl').includes(l));
  options.excludeDirectTies = p.get('pt') === '1';
  return options;
}

/** The API's arguments for these settings; `partners` asks for the "already partners" list. */
export function peerQueryArgs(options: PeerOptions, partners: boolean) {
  return {
    metric: options.metric,
    weighting: options.weighting,
    basis: options.bases.length > 0 ? options.bases : null,
    filter: {
      countries: options.countries.length > 0 ? options.countries : null,
      levels: options.levels.length > 0 ? options.levels : null,
      excludePartners: true,
      excludeDirectTies: options.excludeDirectTies,
      onlyPartners: partners,
    },
  };
}

/** One colour per basis (distinct at a glance, readable on white); its words are domain:basis.*. */
export const BASIS_STYLE: Record<SimilarityBasis, { colour: string }> = {
  PARTNER_MUNICIPALITIES: { colour: '#1f77b4' },
  PARTNER_ORGANIZATIONS: { colour: '#ff7f0e' },
  NETWORKS: { colour: '#2ca02c' },
  FUNDING_PROGRAMS: { colour: '#d62728' },
  PROJECTS: { colour: '#9467bd' },
  THEMES: { colour: '#8c564b' },
  APPROACHES: { colour: '#e377c2' },
  PARTNER_COUNTRIES: { colour: '#7f7f7f' },
};

/** A basis in words, in the active language: "Partner municipalities". */
export const basisLabel = (b: SimilarityBasis): string => t(`domain:basis.${b}`);

export interface BasisPart {
  basis: SimilarityBasis;
  score: number;
  shared: readonly { id: string; name: string }[];
}

export interface BarSegment {
  basis: SimilarityBasis;
  label: string;
  colour: string;
  score: number;
  /** Share of the whole bar's width, 0-1 (the bar spans the best peer's score). */
  width: number;
  shared: string[];
}

/** The stacked bar of one peer: the bases that add to its score, each as wide as its part of `max`. */
export function basisSegments(parts: readonly BasisPart[], max: number): BarSegment[] {
  if (!(max > 0)) return [];
  return parts
    .filter((p) => p.score > 0)
    .map((p) => ({
      basis: p.basis,
      label: basisLabel(p.basis),
      colour: BASIS_STYLE[p.basis].colour,
      score: p.score,
      width: p.score / max,
      shared: p.shared.map((s) => s.name),
    }));
}

/** The same bar in words, for screen readers and tooltips. */
export function describeSegments(segments: readonly BarSegment[]): string {
  if (segments.length === 0) return t('peers.nothingInCommon');
  return segments.map((s) => `${s.label} ${formatScore(s.score)}${s.shared.length ? ` (${s.shared.join(', ')})` : ''}`).join('; ');
}

/** A score with two decimals (one from 10 up), in the active language's notation (0.42, 0,42). */
export const formatScore = (n: number): string => {
  const digits = n >= 10 ? 1 : 2;
  return formatNumber(n, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
};

/** What to emphasise on the canvas for a peer: the peer and every shared node, once each. */
export function peerEvidence(peerId: string, parts: readonly BasisPart[]): string[] {
  return [...new Set([peerId, ...parts.flatMap((p) => p.shared.map((s) => s.id))])];
}

export interface PathLike {
  nodes: readonly { id: string }[];
  relations: readonly { kind: RelationKind }[];
}

/**
 * The view with a path's nodes loaded: each node of the path expanded over the kind of its next
 * hop (added to the kinds it already has), so the path's relationships and nodes get drawn.
 */
export function viewWithPath(view: ViewState, path: PathLike): ViewState {
  let next = view;
  path.relations.forEach((r, i) => {
    const id = path.nodes[i]!.id;
    const current = next.expanded.find((e) => e.id === id);
    if (current && current.kinds === null) return;
    next = expand(next, id, [...(current?.kinds ?? []), r.kind]);
  });
  if (!next.showAll && next.focus === null && path.nodes[0]) next = { ...next, focus: path.nodes[0].id };
  return next;
}

/** A relationship kind as a verb with `from` as its subject, readable after "which" (domain:verb, domain:verbInverse). */
export function verbFrom(kind: RelationKind, source: string, from: string): string {
  return relationVerb(kind, source === from);
}

export interface NamedPath {
  nodes: readonly { id: string; name: string }[];
  relations: readonly { kind: RelationKind; source: string }[];
}

/** Why a path links its ends, in words: "via Platforma, which awards Roeselare and funds European Commission". */
export function describeVia(path: NamedPath): string {
  const { nodes, relations } = path;
  if (nodes.length < 3)
    return nodes.length === 2
      ? t('via.direct', {
          a: nodes[0]!.name,
          verb: verbFrom(relations[0]!.kind, relations[0]!.source, nodes[0]!.id),
          b: nodes[1]!.name,
        })
      : '';
  const parts = nodes.slice(1, -1).map((mid, i) => {
    const before = relations[i]!;
    const after = relations[i + 1]!;
    return t('via.step', {
      mid: mid.name,
      before: verbFrom(before.kind, before.source, mid.id),
      a: nodes[i]!.name,
      after: verbFrom(after.kind, after.source, mid.id),
      b: nodes[i + 2]!.name,
    });
  });
  return t('via.path', { steps: parts.join(t('via.then')) });
}

/** The approach advisor's form: per feature a wished range of '+' counts (0-3) and a weight. */
export interface Wish {
  min: number | null;
  max: number | null;
  weight: number;
}
export type AdvisorForm = Partial<Record<ApproachFeature, Wish>>;

export const NO_WISH: Wish = { min: null, max: null, weight: 0 };

export function setWish(form: AdvisorForm, feature: ApproachFeature, patch: Partial<Wish>): AdvisorForm {
  return { ...form, [feature]: { ...(form[feature] ?? NO_WISH), ...patch } };
}

/** The wishes to send: the features with a range or a weight, in a stable order. */
export function toWishes(form: AdvisorForm): FeatureWish[] {
  return (Object.entries(form) as [ApproachFeature, Wish][])
    .filter(([, w]) => w.min !== null || w.max !== null || w.weight > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([feature, w]) => ({ feature, min: w.min, max: w.max, weight: w.weight }));
}
