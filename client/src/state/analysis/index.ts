import type { ApproachFeature, FeatureWish, RelationKind, SimilarityBasis, SimilarityMetric } from '../../gql/graphql.js';
import { RELATION_KIND_STYLE } from '../../graph/kinds.js';
import type { ViewState } from '../../graph/model.js';
import { expand } from '../view/index.js';

/** The analysis domain: options of the analysis panels and pure helpers that shape their results. */

export interface PeerOptions {
  metric: SimilarityMetric;
  excludePartners: boolean;
}

export const initialPeerOptions = (): PeerOptions => ({ metric: 'JACCARD', excludePartners: false });

export const PEER_METRICS: readonly { metric: SimilarityMetric; label: string }[] = [
  { metric: 'JACCARD', label: 'Jaccard' },
  { metric: 'OVERLAP', label: 'Overlap' },
  { metric: 'ADAMIC_ADAR', label: 'Adamic-Adar' },
];

/** One colour per basis (distinct at a glance, readable on white) and its words. */
export const BASIS_STYLE: Record<SimilarityBasis, { label: string; colour: string }> = {
  PARTNER_MUNICIPALITIES: { label: 'Partner municipalities', colour: '#1f77b4' },
  PARTNER_ORGANIZATIONS: { label: 'Partner organisations', colour: '#ff7f0e' },
  NETWORKS: { label: 'Networks', colour: '#2ca02c' },
  FUNDING_PROGRAMS: { label: 'Funding programmes', colour: '#d62728' },
  PROJECTS: { label: 'Projects', colour: '#9467bd' },
  THEMES: { label: 'Themes', colour: '#8c564b' },
  APPROACHES: { label: 'Approaches', colour: '#e377c2' },
  PARTNER_COUNTRIES: { label: 'Partner countries', colour: '#7f7f7f' },
};

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
    .map((p) => ({ basis: p.basis, ...BASIS_STYLE[p.basis], score: p.score, width: p.score / max, shared: p.shared.map((s) => s.name) }));
}

/** The same bar in words, for screen readers and tooltips. */
export function describeSegments(segments: readonly BarSegment[]): string {
  if (segments.length === 0) return 'Nothing in common.';
  return segments.map((s) => `${s.label} ${formatScore(s.score)}${s.shared.length ? ` (${s.shared.join(', ')})` : ''}`).join('; ');
}

export const formatScore = (n: number): string => (n >= 10 ? n.toFixed(1) : n.toFixed(2));

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

/** A relationship kind as a verb with `from` as its subject, readable after "which". */
export function verbFrom(kind: RelationKind, source: string, from: string): string {
  const style = RELATION_KIND_STYLE[kind];
  const verb = source === from ? style.label : style.inverse;
  if (verb === 'example') return 'has as example';
  return /( by|^member of|^party to|^located in|^part of|^location of|^affiliated with)$/.test(verb) ? `is ${verb}` : verb;
}

export interface NamedPath {
  nodes: readonly { id: string; name: string }[];
  relations: readonly { kind: RelationKind; source: string }[];
}

/** Why a path links its ends, in words: "via Platforma, which awards Roeselare and funds European Commission". */
export function describeVia(path: NamedPath): string {
  const { nodes, relations } = path;
  if (nodes.length < 3) return nodes.length === 2 ? `directly: ${nodes[0]!.name} ${verbFrom(relations[0]!.kind, relations[0]!.source, nodes[0]!.id)} ${nodes[1]!.name}` : '';
  const parts = nodes.slice(1, -1).map((mid, i) => {
    const before = relations[i]!;
    const after = relations[i + 1]!;
    return `${mid.name}, which ${verbFrom(before.kind, before.source, mid.id)} ${nodes[i]!.name} and ${verbFrom(after.kind, after.source, mid.id)} ${nodes[i + 2]!.name}`;
  });
  return `via ${parts.join('; then via ')}`;
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
