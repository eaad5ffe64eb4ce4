import { GraphCanvas, type LayoutInfo } from '../graph/GraphCanvas.js';
import { NO_HIGHLIGHT } from '../graph/highlight.js';
import { fcoseQuality } from '../graph/layouts.js';
import { toElements } from '../graph/toElements.js';
import { syntheticGraph } from './synthetic.js';

/**
 * The client benchmark's page (bench/client.ts drives it in headless Chromium). It draws
 * synthetic graphs through the explorer's own toElements and GraphCanvas and measures:
 * layout (the placement the explorer picks for that size), first render with positions given,
 * zoom frame rate, and the repaint after a hover or a selection.
 */
const container = document.getElementById('canvas')!;
// ?renderer=webgl|canvas forces a renderer (to measure WebGL where only software GL exists).
const forced = new URLSearchParams(location.search).get('renderer');
const options =
  forced === 'webgl' || forced === 'canvas'
    ? { renderer: { kind: forced, reason: `forced by the benchmark (?renderer=${forced})` } as const }
    : {};
let layoutDone: ((info: LayoutInfo) => void) | null = null;
let canvas = new GraphCanvas(
  container,
  { onSelect: () => {}, onToggleExpand: () => {}, onLayoutDone: (info) => layoutDone?.(info) },
  options,
);

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
const rendered = () => new Promise<number>((r) => canvas.cy.one('render', () => r(performance.now())));

async function reset(): Promise<void> {
  canvas.destroy();
  delete container.dataset.placement;
  canvas = new GraphCanvas(
    container,
    { onSelect: () => {}, onToggleExpand: () => {}, onLayoutDone: (info) => layoutDone?.(info) },
    options,
  );
  await frame();
}

export interface BenchResult {
  elements: number;
  nodes: number;
  edges: number;
  /** How the explorer placed the graph: rings around the focus (GraphCanvas), or fcose at a quality. */
  placement: string;
  renderer: string;
  layoutMs: number;
  firstRenderMs: number;
}

/** Lays out and draws a synthetic graph of `elements` elements, and leaves it on the canvas. */
async function draw(elements: number): Promise<BenchResult> {
  await reset();
  const graph = syntheticGraph(elements);
  const els = toElements(graph, { sizeByDegree: true });

  // Layout, as the explorer runs it for this size with a focus: rings around the focus on a first
  // drawing of more than RING_FIRST_MIN nodes (GraphCanvas), else fcose (draft above the threshold).
  const laidOut = new Promise<LayoutInfo>((r) => (layoutDone = r));
  canvas.update(els, { layout: 'fcose', focus: 'n0' });
  const info = await laidOut;
  const placement = container.dataset.placement === 'rings' ? 'rings around the focus' : `fcose ${fcoseQuality(graph.nodes.length)}`;
  const positions = new Map(canvas.cy.nodes().map((n) => [n.id(), { ...n.position() }]));

  // First render: the same elements with their positions, from nothing to pixels on screen,
  // through the same update() the explorer uses (preset positions: no layout).
  await reset();
  const withPositions = els.map((el) => (el.group === 'nodes' ? { ...el, position: positions.get(el.data.id!) } : el));
  const t0 = performance.now();
  const done = rendered();
  canvas.update(withPositions, { layout: 'grid', focus: null, preset: true });
  canvas.cy.fit(undefined, 40);
  const firstRenderMs = (await done) - t0;
  await frame();
  return {
    elements,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    placement,
    renderer: `${canvas.renderer.kind} (${canvas.renderer.reason})`,
    layoutMs: info.ms,
    firstRenderMs,
  };
}

/** Counts the frames drawn between start and stop (the runner zooms with the mouse wheel meanwhile). */
let renders = 0;
let countStart = 0;
const count = () => renders++;
function startCounting(): void {
  renders = 0;
  countStart = performance.now();
  canvas.cy.on('render', count);
}
function stopCounting(): number {
  canvas.cy.off('render', count);
  return (renders * 1000) / (performance.now() - countStart);
}

/** From the gesture to the frame that shows it: hover a mid-degree node, then select it. */
async function highlight(): Promise<{ hoverMs: number; selectMs: number }> {
  canvas.fit();
  await rendered();
  const byDegree = canvas.cy.nodes().sort((a, b) => b.degree(false) - a.degree(false));
  const target = byDegree[Math.floor(byDegree.length / 10)]!.id();
  let t = performance.now();
  const hoverDone = rendered();
  canvas.setHighlight({ ...NO_HIGHLIGHT, hovered: target });
  const hoverMs = (await hoverDone) - t;
  canvas.setHighlight(NO_HIGHLIGHT);
  await rendered();
  t = performance.now();
  const selectDone = rendered();
  canvas.setHighlight({ ...NO_HIGHLIGHT, selection: { type: 'node', id: target } });
  const selectMs = (await selectDone) - t;
  return { hoverMs, selectMs };
}

/**
 * Zooms as a mouse wheel does (wheel events on the canvas, one per display frame, in and out) for
 * `ms`, and returns the frames Cytoscape drew per second. Dispatched in the page, so the rate is the
 * canvas's own, not that of a test driver's round trips.
 */
async function wheelZoomFps(ms = 1500): Promise<{ fps: number; steadyFps: number; firstFrameMs: number }> {
  const box = container.getBoundingClientRect();
  const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
  const stamps: number[] = [];
  const stamp = () => stamps.push(performance.now());
  canvas.cy.on('render', stamp);
  startCounting();
  const started = performance.now();
  for (let step = 0; performance.now() - started < ms; step++) {
    container.dispatchEvent(
      new WheelEvent('wheel', { ...at, deltaY: step % 30 < 15 ? -40 : 40, deltaMode: 0, bubbles: true, cancelable: true }),
    );
    await frame();
  }
  const fps = stopCounting();
  canvas.cy.off('render', stamp);
  // Cytoscape ends a wheel gesture 150 ms after its last wheel event and draws the zoom's snapshot
  // until then, whatever changed: what is measured next (a hover, a selection) waits for a canvas
  // that draws its elements again, else its "repaint" is a frame of the old snapshot.
  await new Promise((r) => setTimeout(r, 200));
  // The first frame of a zoom may build the snapshot (large graphs); the rest only move it.
  const steadyFps = stamps.length > 2 ? ((stamps.length - 2) * 1000) / (stamps[stamps.length - 1]! - stamps[1]!) : fps;
  const firstFrameMs = (stamps[0] ?? performance.now()) - started;
  canvas.fit();
  await rendered();
  return { fps, steadyFps, firstFrameMs };
}

(window as unknown as { __bench: object }).__bench = { draw, wheelZoomFps, highlight };
document.title = 'bench ready';
