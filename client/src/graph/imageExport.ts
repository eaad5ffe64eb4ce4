import type { Core } from 'cytoscape';
import { graphSvg } from './svgExport.js';

/** The whole drawn graph as a PNG at twice the screen's scale, on white. */
export function exportPng(cy: Core): Promise<Blob> {
  return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
}

/** The whole drawn graph as an SVG document, with the PNG's bounds and content (svgExport.ts). */
export function exportSvg(cy: Core): string {
  return graphSvg(cy);
}
