import { GraphCanvas, type LayoutInfo } from '../graph/GraphCanvas.js';
import { fcoseQuality } from '../graph/layouts.js';
import { toElements } from '../graph/toElements.js';
import { syntheticGraph } from './synthetic.js';

/**
 * The client benchmark's page (bench/client.ts drives it in headless Chromium). It draws
 * synthetic graphs through the explorer's own toElements and GraphCanvas and measures:
 * layout (the layout the explorer picks for that size), first render with positions given,
 * zoom frame rate, and the repaint after a hover or a selection.
 */
const container = document.getElementById('canvas')!;
let layoutDone: ((info: LayoutInfo) => void) | null = null;
let canvas = new GraphCanvas(container, { onSelect: () => {}, onToggleExpand: () => {}, onLayoutDone: (info) => layoutDone?.(info) });

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
const rendered = () => new Promise<number>((r) => canvas.cy.one('render', () => r(performance.now())));

async function reset(): Promise<void> {
  canvas.destroy();
  canvas = new GraphCanvas(container, { onSelect: () => {}, onToggleExpand: () => {}, onLayoutDone: (info) => layoutDone?.(info) });
  await frame();
}

export interface BenchResult {
  elements: number;
  nodes: number;
  edges: number;
  fcoseQuality: string;
  layoutMs: number;
  firstRenderMs: number;
  zoomFps: number;
  hoverMs: number;
  selectMs: number;
}

async function run(elements: number): Promise<BenchResult> {
  await reset();
  const graph = syntheticGraph(elements);
  const els = toElements(graph, { sizeByDegree: true });

  // Layout, as the explorer runs it for this size (fcose; draft quality above the threshold).
  const laidOut = new Promise<LayoutInfo>((r) => (layoutDone = r));
  canvas.update(els, { layout: 'fcose', focus: 'n0' });
  const info = await laidOut;
  const positions = new Map(canvas.cy.nodes().map((n) => [n.id(), { ...n.position() }]));

  // First render: the same elements with their positions, from nothing to pixels on screen.
  await reset();
  const withPositions = els.map((el) => (el.group === 'nodes' ? { ...el, position: positions.get(el.data.id!) } : el));
  const t0 = performance.now();
  canvas.cy.add(withPositions);
  canvas.cy.fit(undefined, 40);
  const t1 = await rendered();
  await frame();
  const firstRenderMs = t1 - t0;

  // Zoom: count the frames actually drawn while zooming in and out continuously for ~1.5 s.
  let renders = 0;
  const count = () => renders++;
  canvas.cy.on('render', count);
  const zoomStart = performance.now();
  let step = 0;
  while (performance.now() - zoomStart < 1500) {
    canvas.zoomBy(step++ % 40 < 20 ? 1.03 : 1 / 1.03);
    await frame();
  }
  const zoomFps = (renders * 1000) / (performance.now() - zoomStart);
  canvas.cy.off('render', count);
  canvas.fit();
  await rendered();

  // Highlight: from the gesture to the frame that shows it. A mid-degree node, as a user would hover.
  const byDegree = canvas.cy.nodes().sort((a, b) => b.degree(false) - a.degree(false));
  const target = byDegree[Math.floor(byDegree.length / 10)]!.id();
  let t = performance.now();
  const hoverDone = rendered();
  canvas.setHover(target);
  const hoverMs = (await hoverDone) - t;
  canvas.setHover(null);
  await rendered();
  t = performance.now();
  const selectDone = rendered();
  canvas.select({ type: 'node', id: target });
  const selectMs = (await selectDone) - t;

  return { elements, nodes: graph.nodes.length, edges: graph.edges.length, fcoseQuality: fcoseQuality(graph.nodes.length), layoutMs: info.ms, firstRenderMs, zoomFps, hoverMs, selectMs };
}

(window as unknown as { __bench: object }).__bench = { run };
document.title = 'bench ready';
