import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

/**
 * Force-directed refinement off the main thread: a headless Cytoscape with the same nodes
 * (sizes and starting positions) and edges runs fcose, and sends back the positions. The page
 * stays interactive meanwhile; GraphCanvas animates the nodes to their new places.
 */
cytoscape.use(fcose);

export interface RefineRequest {
  run: number;
  nodes: { id: string; size: number; x: number; y: number }[];
  edges: { id: string; source: string; target: string }[];
  options: Record<string, unknown>;
}

export interface RefineResponse {
  run: number;
  positions: Record<string, { x: number; y: number }>;
  ms: number;
}

self.onmessage = (e: MessageEvent<RefineRequest>) => {
  const { run, nodes, edges, options } = e.data;
  const started = performance.now();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
  });
  // Added after construction: a headless instance ignores the positions of constructor elements.
  cy.add([
    ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, size: n.size }, position: { x: n.x, y: n.y } })),
    ...edges.map((ed) => ({ group: 'edges' as const, data: { id: ed.id, source: ed.source, target: ed.target } })),
  ]);
  const layout = cy.layout({ name: 'fcose', ...options, animate: false, fit: false } as cytoscape.LayoutOptions);
  layout.one('layoutstop', () => {
    const positions: RefineResponse['positions'] = {};
    cy.nodes().forEach((n) => {
      positions[n.id()] = { ...n.position() };
    });
    (self as unknown as Worker).postMessage({ run, positions, ms: performance.now() - started } satisfies RefineResponse);
    cy.destroy();
  });
  layout.run();
};
