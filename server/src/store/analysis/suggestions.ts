import type { NodeKind } from '../../domain/model.js';
import { compareStrings } from '../searchText.js';

/** Kinds of node through which a partner can be suggested: partners, networks, programmes, projects. */
export const INTERMEDIARY_KINDS: ReadonlySet<NodeKind> = new Set(['MUNICIPALITY', 'ORGANIZATION', 'NETWORK', 'FUNDING_PROGRAM', 'PROJECT']);

/** Weight of a suggestion path through an intermediary linked to `linkedCount` nodes: small circles count more. */
export function suggestionWeight(linkedCount: number): number {
  return 1 / Math.log(Math.max(2, linkedCount));
}

/** Order of path steps: by the next node's id, then the relationship's id. */
export function comparePathSteps(a: { relation: { id: string }; other: { node: { id: string } } }, b: { relation: { id: string }; other: { node: { id: string } } }): number {
  return compareStrings(a.other.node.id, b.other.node.id) || compareStrings(a.relation.id, b.relation.id);
}

/**
 * Order of whole paths of one length, step by step: by the next node's id, then the relationship's
 * id (the order comparePathSteps gives a walk). Paths as node ids and relationship ids.
 */
export function comparePathsByStep(a: { nodes: readonly string[]; relations: readonly string[] }, b: { nodes: readonly string[]; relations: readonly string[] }): number {
  for (let i = 0; i < a.relations.length; i++) {
    const c = compareStrings(a.nodes[i + 1]!, b.nodes[i + 1]!) || compareStrings(a.relations[i]!, b.relations[i]!);
    if (c !== 0) return c;
  }
  return 0;
}
