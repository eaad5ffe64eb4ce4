import type { Core } from 'cytoscape';

/** The whole drawn graph as a PNG at twice the screen's scale, on white. */
export function exportPng(cy: Core): Promise<Blob> {
  return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
}

/** The whole drawn graph as an SVG document (cytoscape-svg, registered by the canvas owner). */
export function exportSvg(cy: Core): string {
  return (cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
}
