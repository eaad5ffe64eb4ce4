import type { LayoutOptions, NodeSingular } from 'cytoscape';
import { NODE_KINDS } from './kinds.js';

/**
 * Layout options by name and graph size. fcose's force iterations cost grows fast with the node
 * count (measured here: about 2.8 s at 300 nodes, 17 s at 1 000), so above FCOSE_FULL_QUALITY_MAX
 * nodes the main thread only runs fcose's draft (spectral placement, no force iterations) and a
 * Web Worker refines it (layoutWorker.ts) up to REFINE_MAX nodes; above that the draft stays.
 */
/** The layouts the canvas can run (the display state names one). */
export type LayoutName = 'fcose' | 'concentric' | 'hierarchical' | 'grid';

export const FCOSE_FULL_QUALITY_MAX = 120;
export const REFINE_MAX = 1500;
/** Above this many nodes no layout animates: each frame would redraw every element. */
export const ANIMATE_MAX = 150;

export interface LayoutContext {
  nodeCount: number;
  focus: string | null;
  /** Most nodes already have good positions: refine them instead of starting afresh. */
  incremental: boolean;
}

export type FcoseQuality = 'draft' | 'default' | 'proof';

export function fcoseQuality(nodeCount: number): FcoseQuality {
  return nodeCount <= FCOSE_FULL_QUALITY_MAX ? 'default' : 'draft';
}

const kindRank = new Map(NODE_KINDS.map((k, i) => [k, i]));

export function layoutOptions(name: LayoutName, ctx: LayoutContext): LayoutOptions {
  const animate = ctx.nodeCount <= ANIMATE_MAX;
  const common = { fit: true, padding: 40, animate, animationDuration: 350 };
  switch (name) {
    case 'fcose': {
      const quality = fcoseQuality(ctx.nodeCount);
      // Incremental: start from the current positions (fcose cools faster then).
      const incremental = ctx.incremental && quality !== 'draft';
      return {
        name: 'fcose',
        ...common,
        ...fcoseForces(incremental),
        quality,
        animate: animate ? 'end' : false,
      } as unknown as LayoutOptions;
    }
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 12,
        avoidOverlap: true,
        concentric: (n: NodeSingular) => n.data('ring') as number,
        levelWidth: () => 1,
      } as LayoutOptions;
    case 'hierarchical':
      return {
        name: 'breadthfirst',
        ...common,
        directed: false,
        spacingFactor: 1.1,
        avoidOverlap: true,
        ...(ctx.focus ? { roots: `[id = ${JSON.stringify(ctx.focus)}]` } : {}),
      } as LayoutOptions;
    case 'grid':
      return {
        name: 'grid',
        ...common,
        avoidOverlap: true,
        condense: true,
        sort: (a: NodeSingular, b: NodeSingular) =>
          (kindRank.get(a.data('kind')) ?? 0) - (kindRank.get(b.data('kind')) ?? 0) ||
          String(a.data('label')).localeCompare(String(b.data('label'))),
      } as LayoutOptions;
  }
}

/** fcose's force settings, shared by the main thread and the worker. */
export function fcoseForces(incremental: boolean): Record<string, unknown> {
  return {
    randomize: !incremental,
    nodeDimensionsIncludeLabels: false,
    packComponents: false,
    nodeRepulsion: () => 6500,
    idealEdgeLength: () => 70,
    edgeElasticity: () => 0.45,
    gravity: 0.3,
    numIter: 2500,
    tile: true,
    tilingPaddingVertical: 20,
    tilingPaddingHorizontal: 20,
  };
}

/** The worker's refinement: default quality from the positions it is given. Functions do not cross to a worker, so numbers here. */
export function refineOptions(): Record<string, unknown> {
  return { ...fcoseForces(true), nodeRepulsion: 6500, idealEdgeLength: 70, edgeElasticity: 0.45, quality: 'default' };
}

/**
 * Rings for the concentric layout: the focus in the middle, then by hops from it; without a
 * focus, by degree. Higher values sit nearer the centre.
 */
export function concentricRings(
  nodeIds: readonly string[],
  edges: readonly { source: string; target: string }[],
  focus: string | null,
  degree: (id: string) => number,
): Map<string, number> {
  const rings = new Map<string, number>();
  if (!focus || !nodeIds.includes(focus)) {
    const levels = [...new Set(nodeIds.map((id) => Math.round(Math.log2(1 + degree(id)))))].sort((a, b) => a - b);
    for (const id of nodeIds) rings.set(id, levels.indexOf(Math.round(Math.log2(1 + degree(id)))) + 1);
    return rings;
  }
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push(e.target);
    (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push(e.source);
  }
  const dist = new Map<string, number>([[focus, 0]]);
  let frontier = [focus];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const v of adj.get(u) ?? []) {
        if (!dist.has(v)) {
          dist.set(v, dist.get(u)! + 1);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  const far = Math.max(0, ...dist.values()) + 1;
  for (const id of nodeIds) rings.set(id, far + 1 - (dist.get(id) ?? far));
  return rings;
}
