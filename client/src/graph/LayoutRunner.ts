import type { Core, Layouts } from 'cytoscape';
import { concentricRings, FCOSE_FULL_QUALITY_MAX, layoutOptions, REFINE_MAX, refineOptions, type LayoutName } from './layouts.js';
import type { RefineRequest, RefineResponse } from './layoutWorker.js';

export interface LayoutInfo {
  name: LayoutName;
  nodes: number;
  edges: number;
  /** From the start of the layout to the frame that shows it. */
  ms: number;
  /** For a refinement in the worker: the worker's own time. */
  workerMs?: number;
}

/** Fitting never zooms in further than this, so a small view keeps readable proportions. */
export const MAX_FIT_ZOOM = 1.4;

/** Fit the whole graph with a margin, no closer than MAX_FIT_ZOOM. */
export function fitAll(cy: Core): void {
  cy.fit(undefined, 40);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

/**
 * Runs layouts on the canvas owner's Cytoscape instance: Cytoscape's own on the main thread and,
 * for mid-sized force-directed graphs, a refinement in a Web Worker (layoutWorker.ts). It reports
 * its progress on the container (`data-layout-state`: running, refining, done) and, once the
 * result is on screen, through onDone and a performance mark.
 */
export class LayoutRunner {
  private run: Layouts | null = null;
  private worker: Worker | null = null;
  private refineRun = 0;
  /** Some layout has finished, so the nodes have places worth keeping. */
  laidOutOnce = false;
  /** A layout has been started for a non-empty graph (it may still be running). */
  started = false;

  constructor(
    private readonly cy: Core,
    private readonly container: HTMLElement,
    private readonly onDone?: (info: LayoutInfo) => void,
  ) {
    this.container.dataset.layoutState = 'idle';
  }

  /** The elements were placed by the caller (preset positions): nothing to run. */
  markPlaced(): void {
    this.stop();
    this.laidOutOnce = true;
    this.started = true;
    this.container.dataset.layoutState = 'done';
  }

  /**
   * Say that the drawing is final (after a placement that needed no layout), as a layout does,
   * with the time from `startedAt` (when the placement began) to the frame that shows it.
   */
  report(name: LayoutName, startedAt: number): void {
    const cy = this.cy;
    requestAnimationFrame(() => {
      const info = { name, nodes: cy.nodes().length, edges: cy.edges().length, ms: performance.now() - startedAt };
      this.container.dataset.layoutName = name;
      performance.mark('atlas:laid-out', { detail: info });
      this.onDone?.(info);
    });
  }

  stop(): void {
    this.run?.stop();
    this.run = null;
    this.refineRun++;
  }

  start(name: LayoutName, focus: string | null, incremental = false): void {
    const cy = this.cy;
    this.stop();
    if (cy.nodes().empty()) {
      this.container.dataset.layoutState = 'done';
      return;
    }
    this.started = true;
    if (name === 'concentric') this.assignRings(focus);
    const nodes = cy.nodes().length;
    const edges = cy.edges().length;
    const startedAt = performance.now();
    const refine = name === 'fcose' && nodes > FCOSE_FULL_QUALITY_MAX && nodes <= REFINE_MAX && typeof Worker !== 'undefined';
    this.container.dataset.layoutState = 'running';
    if (refine && incremental) {
      // Everything already has a place: refine in the worker from there, no draft reshuffle.
      this.refineInWorker(name, focus, startedAt);
      return;
    }
    const run = cy.layout(layoutOptions(name, { nodeCount: nodes, focus, incremental }));
    this.run = run;
    run.one('layoutstop', () => {
      if (this.run !== run) return;
      this.run = null;
      this.laidOutOnce = true;
      this.afterLayout(focus);
      // Report once the laid-out graph is on screen, not merely computed.
      requestAnimationFrame(() => {
        const ms = performance.now() - startedAt;
        this.container.dataset.layoutName = name;
        performance.mark('atlas:laid-out', { detail: { name, nodes, edges, ms } });
        this.onDone?.({ name, nodes, edges, ms });
        if (refine) this.refineInWorker(name, focus, startedAt);
        else this.container.dataset.layoutState = 'done';
      });
    });
    run.run();
  }

  private assignRings(focus: string | null): void {
    const cy = this.cy;
    const rings = concentricRings(
      cy.nodes().map((n) => n.id()),
      cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string })),
      focus,
      (id) => cy.getElementById(id).data('degree') as number,
    );
    cy.batch(() => cy.nodes().forEach((n) => void n.data('ring', rings.get(n.id()) ?? 1)));
  }

  /** Sends the current positions to the layout worker and moves the nodes to what it returns. */
  private refineInWorker(name: LayoutName, focus: string | null, startedAt: number): void {
    const cy = this.cy;
    const run = ++this.refineRun;
    this.container.dataset.layoutState = 'refining';
    this.worker ??= new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    const request: RefineRequest = {
      run,
      nodes: cy.nodes().map((n) => ({ id: n.id(), size: n.data('size') as number, ...n.position() })),
      edges: cy.edges().map((e) => ({ id: e.id(), source: e.data('source') as string, target: e.data('target') as string })),
      options: refineOptions(),
    };
    this.worker.onmessage = (e: MessageEvent<RefineResponse>) => {
      if (e.data.run !== this.refineRun) return;
      const positions = e.data.positions;
      cy.batch(() => cy.nodes().forEach((n) => void (positions[n.id()] && n.position(positions[n.id()]!))));
      this.laidOutOnce = true;
      cy.fit(undefined, 40);
      this.afterLayout(focus);
      requestAnimationFrame(() => {
        const ms = performance.now() - startedAt;
        this.container.dataset.layoutState = 'done';
        this.container.dataset.layoutName = name;
        const info = { name, nodes: cy.nodes().length, edges: cy.edges().length, ms, workerMs: e.data.ms };
        performance.mark('atlas:refined', { detail: info });
        this.onDone?.(info);
      });
    };
    this.worker.onerror = () => {
      // Without a worker the draft stays: still a layout, only less tidy.
      this.container.dataset.layoutState = 'done';
    };
    this.worker.postMessage(request);
  }

  private afterLayout(focus: string | null): void {
    const cy = this.cy;
    // A few nodes fitted to the screen would be drawn huge: no closer than MAX_FIT_ZOOM.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    this.keepInView(focus);
  }

  /** The focus stays on screen after a layout: if fitting the whole graph left it off, centre on it. */
  private keepInView(focus: string | null): void {
    if (!focus) return;
    const node = this.cy.getElementById(focus);
    if (node.empty()) return;
    const ext = this.cy.extent();
    const p = node.position();
    if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) this.cy.center(node);
  }

  destroy(): void {
    this.stop();
    this.worker?.terminate();
  }
}
