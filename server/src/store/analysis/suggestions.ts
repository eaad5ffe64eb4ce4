import type { NodeKind } from '../../domain/model.js';
import { compareStrings } from '../../domain/normalize.js';
import { UNLINKING_RELATIONS, type Tie, type TieEnd } from './features.js';

/**
 * Partner suggestions (docs/adr/0014-peers-and-suggestions.md): who is two steps away and not yet
 * one step away, through what, and how much that counts. Both stores read the ties around a node
 * (its own relationships, and the PARTY_TO relationships of the partnerships it is party to) and
 * call reachOf and rankSuggestions.
 */

/** Kinds of node through which a partner can be suggested: partners, networks, programmes, projects. */
export const INTERMEDIARY_KINDS: ReadonlySet<NodeKind> = new Set(['MUNICIPALITY', 'ORGANIZATION', 'NETWORK', 'FUNDING_PROGRAM', 'PROJECT']);

const UNLINKING: ReadonlySet<string> = new Set(UNLINKING_RELATIONS);

export interface ReachNode extends TieEnd {
  sortName: string;
}

/** One step: the node reached and the relationship ids walked (one, or two through the partnership `through`). */
export interface Step {
  node: ReachNode;
  relations: string[];
  through?: string;
}

/** The node ids of a path made of steps from `start`. */
export function pathNodeIds(start: string, steps: readonly Step[]): string[] {
  const ids = [start];
  for (const s of steps) {
    if (s.through !== undefined) ids.push(s.through);
    ids.push(s.node.id);
  }
  return ids;
}

const shorterStep = (a: readonly string[], b: readonly string[]) =>
  a.length - b.length || compareStrings(a.join('\u0000'), b.join('\u0000'));

/**
 * reach(x) from the ties around x (`via` x itself, or a partnership x is PARTY_TO): nodes joined to
 * x by one relationship other than LOCATED_IN / PART_OF and not a partnership, and the other
 * parties of x's partnerships. When a node is reached several ways, the step with fewer
 * relationships, then the smaller relationship ids, is kept.
 */
export function reachOf(x: string, ties: readonly (Tie & { other: ReachNode })[]): Map<string, Step> {
  const partyTo = new Map<string, string>();
  for (const t of ties) {
    if (t.via.id === x && t.relation === 'PARTY_TO' && t.other.kind === 'PARTNERSHIP') {
      const known = partyTo.get(t.other.id);
      if (known === undefined || compareStrings(t.relationId, known) < 0) partyTo.set(t.other.id, t.relationId);
    }
  }
  const reach = new Map<string, Step>();
  const offer = (node: ReachNode, relations: string[], through?: string) => {
    const known = reach.get(node.id);
    if (!known || shorterStep(relations, known.relations) < 0)
      reach.set(node.id, through === undefined ? { node, relations } : { node, relations, through });
  };
  for (const t of ties) {
    if (t.other.id === x || UNLINKING.has(t.relation)) continue;
    if (t.via.id === x) {
      if (t.other.kind !== 'PARTNERSHIP') offer(t.other, [t.relationId]);
    } else if (t.relation === 'PARTY_TO' && partyTo.has(t.via.id)) {
      offer(t.other, [partyTo.get(t.via.id)!, t.relationId], t.via.id);
    }
  }
  return reach;
}

/** Weight of a path through an intermediary that reaches `reach` nodes: small circles count more. */
export function intermediaryWeight(reach: number): number {
  return 1 / Math.log(1 + reach);
}

/** Discount of a candidate that reaches `reach` nodes: hubs count less. */
export function candidateDiscount(reach: number): number {
  return 1 / Math.log(1 + Math.max(1, reach));
}

export interface RankedSuggestion {
  candidate: ReachNode;
  score: number;
  /** Intermediaries by weight descending, then id, with the two steps through each. */
  via: { node: ReachNode; weight: number; first: Step; second: Step }[];
  candidateReach: number;
}

/**
 * The suggestions for x (GraphAnalytics.suggestPartners): `mine` is reach(x), `reachOfNode` gives
 * reach(i) for each intermediary, `reachSize` |reach(c)| for each candidate.
 */
export function rankSuggestions(
  x: string,
  mine: Map<string, Step>,
  reachOfNode: (id: string) => Map<string, Step>,
  reachSize: (id: string) => number,
  kinds: ReadonlySet<NodeKind>,
  first: number,
): RankedSuggestion[] {
  const intermediaries = [...mine.values()]
    .filter((s) => INTERMEDIARY_KINDS.has(s.node.kind))
    .sort((a, b) => compareStrings(a.node.id, b.node.id));
  const found = new Map<string, { candidate: ReachNode; sum: number; via: RankedSuggestion['via'] }>();
  for (const step of intermediaries) {
    const theirs = reachOfNode(step.node.id);
    const weight = intermediaryWeight(theirs.size);
    for (const second of theirs.values()) {
      const c = second.node;
      if (c.id === x || mine.has(c.id) || !kinds.has(c.kind)) continue;
      let entry = found.get(c.id);
      if (!entry) found.set(c.id, (entry = { candidate: c, sum: 0, via: [] }));
      entry.sum += weight;
      entry.via.push({ node: step.node, weight, first: step, second });
    }
  }
  const ranked = [...found.values()].map((f) => {
    const candidateReach = reachSize(f.candidate.id);
    return { candidate: f.candidate, score: f.sum * candidateDiscount(candidateReach), via: f.via, candidateReach };
  });
  ranked.sort(compareSuggestions);
  return ranked
    .slice(0, first)
    .map((r) => ({ ...r, via: r.via.sort((a, b) => b.weight - a.weight || compareStrings(a.node.id, b.node.id)) }));
}

/** Score descending, then more intermediaries, then the smaller circle, then sort name, then id. */
export function compareSuggestions(
  a: Omit<RankedSuggestion, 'via'> & { via: readonly unknown[] },
  b: Omit<RankedSuggestion, 'via'> & { via: readonly unknown[] },
): number {
  return (
    b.score - a.score ||
    b.via.length - a.via.length ||
    a.candidateReach - b.candidateReach ||
    compareStrings(a.candidate.sortName, b.candidate.sortName) ||
    compareStrings(a.candidate.id, b.candidate.id)
  );
}

/** Order of path steps: by the next node's id, then the relationship's id. */
export function comparePathSteps(
  a: { relation: { id: string }; other: { node: { id: string } } },
  b: { relation: { id: string }; other: { node: { id: string } } },
): number {
  return compareStrings(a.other.node.id, b.other.node.id) || compareStrings(a.relation.id, b.relation.id);
}

/**
 * Order of whole paths of one length, step by step: by the next node's id, then the relationship's
 * id (the order comparePathSteps gives a walk). Paths as node ids and relationship ids.
 */
export function comparePathsByStep(
  a: { nodes: readonly string[]; relations: readonly string[] },
  b: { nodes: readonly string[]; relations: readonly string[] },
): number {
  for (let i = 0; i < a.relations.length; i++) {
    const c = compareStrings(a.nodes[i + 1]!, b.nodes[i + 1]!) || compareStrings(a.relations[i]!, b.relations[i]!);
    if (c !== 0) return c;
  }
  return 0;
}
