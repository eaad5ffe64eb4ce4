import type { ElementDefinition } from 'cytoscape';
import { PARTNERSHIP_TYPE_COLOUR, RELATION_KIND_STYLE, nodeKindLabel, partnershipTypeLabel, relationLabel } from './kinds.js';
import type { DrawnEdge, DrawnNode, VisibleGraph } from './model.js';

export interface ElementOptions {
  sizeByDegree: boolean;
}

/** Node diameter in model pixels: by degree (square root, so hubs do not swamp the view) or fixed. */
export function nodeSize(degree: number, sizeByDegree: boolean): number {
  return sizeByDegree ? Math.round(Math.min(80, 22 + 7 * Math.sqrt(Math.max(0, degree)))) : 30;
}

/** Labels longer than this are cut with an ellipsis here, once, rather than measured by the canvas at every draw. */
export const LABEL_MAX_CHARS = 28;

export const shortLabel = (name: string): string =>
  name.length > LABEL_MAX_CHARS ? `${name.slice(0, LABEL_MAX_CHARS - 1).trimEnd()}…` : name;

export function nodeElement(n: DrawnNode, options: ElementOptions): ElementDefinition {
  const classes = [n.focus ? 'focus' : '', n.expanded ? 'expanded' : ''].filter(Boolean).join(' ');
  return {
    group: 'nodes',
    data: {
      id: n.id,
      label: shortLabel(n.name),
      name: n.name,
      kind: n.kind,
      kindLabel: nodeKindLabel(n.kind),
      degree: n.degree,
      size: nodeSize(n.degree, options.sizeByDegree),
    },
    classes,
  };
}

export function edgeLabel(e: DrawnEdge): string {
  return e.kind === 'PARTNERSHIP' ? partnershipTypeLabel(e.partnershipType) : relationLabel(e.kind);
}

export function edgeElement(e: DrawnEdge): ElementDefinition {
  const colour = e.kind === 'PARTNERSHIP' ? PARTNERSHIP_TYPE_COLOUR[e.partnershipType ?? 'OTHER'] : RELATION_KIND_STYLE[e.kind].colour;
  return {
    group: 'edges',
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      kind: e.kind,
      label: edgeLabel(e),
      colour,
      ...(e.partnershipId ? { partnershipId: e.partnershipId } : {}),
    },
    classes: e.kind === 'PARTNERSHIP' ? 'partnership' : '',
  };
}

/** The drawn graph as Cytoscape elements: nodes first, then edges, each in the graph's order. */
export function toElements(graph: VisibleGraph, options: ElementOptions): ElementDefinition[] {
  return [...graph.nodes.map((n) => nodeElement(n, options)), ...graph.edges.map(edgeElement)];
}
