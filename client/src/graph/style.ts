import type { StylesheetJson } from 'cytoscape';
import { NODE_KINDS, NODE_KIND_STYLE, RELATION_KINDS, RELATION_KIND_STYLE } from './kinds.js';

/**
 * Above this many elements the canvas switches to its large-graph style (StyleOptions.large) and,
 * while the user zooms or pans, moves a snapshot of the nodes instead of redrawing every element
 * (Cytoscape's textureOnViewport and hideEdgesOnViewport: the edges, most of the snapshot's cost,
 * are left out of it, ADR 0030), then redraws everything sharply when the view stands still.
 */
export const LARGE_GRAPH_ELEMENTS = 2500;

export interface StyleOptions {
  /**
   * A large graph: straight "haystack" edges without arrows, in solid lines, and no node borders,
   * which Cytoscape draws several times faster than curved, dashed or dotted edges with arrowheads;
   * labels only when zoomed in. Dashes cost the most: the 2D canvas cuts a dotted line into one
   * piece per model unit, thousands per redraw at the zoom a large graph is seen at, where they
   * are too fine to see (ADR 0030). The colour still tells the relationship kinds apart.
   */
  large?: boolean;
  /** Draw labels (default); the WebGL renderer turns them off when zoomed out (renderer.ts). */
  labels?: boolean;
}

export const LABEL_FONT_SIZE = 11;
/** Below this on-screen size labels are not drawn (Cytoscape's min-zoomed-font-size, applied by the app under WebGL). */
export const MIN_ZOOMED_FONT_SIZE = { normal: 7, large: 10 } as const;

/** The Cytoscape stylesheet: colour and shape by node kind, colour and line by relationship kind. */
export function stylesheet(options: StyleOptions = {}): StylesheetJson {
  const large = options.large === true;
  const labels = options.labels !== false;
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: labels ? 'data(label)' : '',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': LABEL_FONT_SIZE,
        color: '#1b1b1b',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE[large ? 'large' : 'normal'],
        'border-width': large ? 0 : 1,
        'border-color': '#ffffff',
      },
    },
    ...NODE_KINDS.map((k) => ({
      selector: `node[kind = "${k}"]`,
      style: { 'background-color': NODE_KIND_STYLE[k].colour, shape: NODE_KIND_STYLE[k].shape as never },
    })),
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1b1b1b', 'border-style': 'double' } },
    {
      selector: 'node.focus',
      style: { 'border-width': 4, 'border-color': '#000000', 'font-weight': 'bold', 'font-size': 13, 'z-index': 10 },
    },
    {
      selector: 'edge',
      style: {
        width: large ? 1 : 1.5,
        'curve-style': large ? 'haystack' : 'bezier',
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'target-arrow-shape': large ? 'none' : 'triangle',
        'arrow-scale': 0.8,
        opacity: large ? 1 : 0.8,
        'font-size': 9,
        'min-zoomed-font-size': 9,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        color: '#333333',
      },
    },
    ...(large
      ? []
      : RELATION_KINDS.map((k) => ({ selector: `edge[kind = "${k}"]`, style: { 'line-style': RELATION_KIND_STYLE[k].lineStyle } }))),
    { selector: 'edge.partnership', style: { width: 3.5, 'target-arrow-shape': 'none', label: 'data(label)', opacity: 1 } },
    {
      selector: 'node.aggregate',
      style: {
        'background-color': '#8fb8d6',
        shape: 'ellipse',
        'text-valign': 'center',
        'text-wrap': 'wrap',
        'font-size': 'data(fontSize)',
        'min-zoomed-font-size': 0,
        'font-weight': 'bold',
        'text-background-opacity': 0,
        'border-width': 2,
        'border-color': '#1d3f56',
      },
    },
    { selector: 'node.aggregate.closed', style: { 'background-color': '#9aa5ad' } },
    {
      selector: 'edge.aggregate',
      style: { width: 'data(width)', 'line-color': '#6c8fa8', 'curve-style': 'haystack', 'target-arrow-shape': 'none', opacity: 0.55 },
    },
    { selector: 'node.hl', style: { 'border-width': 3, 'border-color': '#ffbf00', 'z-index': 9 } },
    { selector: 'edge.hl', style: { width: 3, opacity: 1, label: 'data(label)', 'z-index': 9 } },
    { selector: 'node.em', style: { 'border-width': 5, 'border-color': '#7b2cbf', 'z-index': 10 } },
    { selector: 'edge.em', style: { width: 4, opacity: 1, 'line-color': '#7b2cbf', label: 'data(label)', 'z-index': 10 } },
    {
      selector: 'node:selected',
      style: { 'border-width': 5, 'border-color': '#ffbf00', 'overlay-color': '#ffbf00', 'overlay-opacity': 0.15, 'z-index': 11 },
    },
    {
      selector: 'edge:selected',
      style: { width: 5, 'line-color': '#ffbf00', 'target-arrow-color': '#ffbf00', label: 'data(label)', opacity: 1, 'z-index': 11 },
    },
  ];
}
