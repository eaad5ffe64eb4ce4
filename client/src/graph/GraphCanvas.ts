import cytoscape, { type Core, type ElementDefinition, type EventObject, type Layouts, type NodeSingular, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import cytoscapeSvg from 'cytoscape-svg';
import type { LayoutName } from '../state/display/index.js';
import type { Selection } from '../state/selection/index.js';
import { concentricRings, FCOSE_FULL_QUALITY_MAX, layoutOptions, REFINE_MAX, refineOptions } from './layouts.js';
import type { RefineRequest, RefineResponse } from './layoutWorker.js';
import { stylesheet } from './style.js';

let registered = false;
function register(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(cytoscapeSvg);
  registered = true;
}

export interface CanvasEvents {
  onSelect(selection: Selection | null): void;
  onToggleExpand(id: string): void;
  /** After every layout: how long it took and how many nodes it placed. */
  onLayoutDone?(info: LayoutInfo): void;
}

export interface LayoutInfo {
  name: LayoutName;
  nodes: number;
  edges: number;
  /** From the start of the layout to the frame that shows it. */
  ms: number;
  /** For a refinement in the worker: the worker's own time. */
  workerMs?: number;
}

export interface UpdateOptions {
  layout: LayoutName;
  focus: string | null;
  /** Run the layout even if no node came or went (the user asked for it, or changed layouts). */
  relayout?: boolean;
  /** The elements carry their positions: draw them where they are, no layout. */
  preset?: boolean;
}

/**
 * Above this many elements the canvas switches to its large-graph style (style.ts) and, while the
 * user zooms or pans, moves a snapshot of the drawing instead of redrawing every element
 * (Cytoscape's textureOnViewport), then redraws sharply when the view stands still.
 */
export const LARGE_GRAPH_ELEMENTS = 2500;

/** Fitting never zooms in further than this, so a small view keeps readable proportions. */
const MAX_FIT_ZOOM = 1.4;

type Direction = 'left' | 'right' | 'up' | 'down';
const ANGLE: Record<Direction, number> = { right: 0, down: Math.PI / 2, left: Math.PI, up: -Math.PI / 2 };

/**
 * THE module that owns the Cytoscape instance. It is given elements (derived from the model by
 * toElements) and never holds data of its own: what it shows is replaced or patched from the
 * elements each time, by id. User gestures go out through CanvasEvents.
 */
export class GraphCanvas {
  readonly cy: Core;
  private layoutRun: Layouts | null = null;
  private hovered: string | null = null;
  private emphasized: readonly string[] | null = null;
  private laidOutOnce = false;
  /** A layout has been started for a non-empty graph (it may still be running). */
  private layoutStarted = false;
  private worker: Worker | null = null;
  private refineRun = 0;
  private large = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: CanvasEvents,
  ) {
    register();
    this.cy = cytoscape({
      container,
      style: stylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      selectionType: 'single',
      boxSelectionEnabled: false,
      // Two clicks within 400 ms are a double-click (Cytoscape's default, 250 ms, is shorter than
      // most systems' double-click time and misses double-clicks on a busy page).
      multiClickDebounceTime: 400,
    });
    this.container.dataset.layoutState = 'idle';
    this.bindEvents();
  }

  private bindEvents(): void {
    const cy = this.cy;
    cy.on('tap', 'node', (e: EventObject) => this.events.onSelect({ type: 'node', id: e.target.id() }));
    cy.on('tap', 'edge', (e: EventObject) => this.events.onSelect({ type: 'edge', id: e.target.id() }));
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) this.events.onSelect(null);
    });
    cy.on('dbltap', 'node', (e: EventObject) => this.events.onToggleExpand(e.target.id()));
    cy.on('mouseover', 'node', (e: EventObject) => this.setHover(e.target.id()));
    cy.on('mouseout', 'node', () => this.setHover(null));
    this.container.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Replace the drawn elements with these, keeping the positions of nodes that stay. */
  update(elements: ElementDefinition[], options: UpdateOptions): { added: number; removed: number } {
    const cy = this.cy;
    const wanted = new Map<string, ElementDefinition>();
    for (const el of elements) wanted.set(el.data.id!, el);
    let added = 0;
    let removed = 0;
    const newNodes: string[] = [];
    // Before adding: restyling thousands of elements afterwards would cost as much again.
    this.setLarge(wanted.size > LARGE_GRAPH_ELEMENTS);
    cy.batch(() => {
      const gone = cy.elements().filter((el) => !wanted.has(el.id()));
      removed = gone.nodes().length;
      cy.remove(gone);
      const toAdd: ElementDefinition[] = [];
      for (const [id, el] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          existing.data(el.data);
          existing.classes(el.classes ?? '');
        } else {
          toAdd.push(el);
          if (el.group === 'nodes') newNodes.push(id);
        }
      }
      added = newNodes.length;
      if (toAdd.length > 0) cy.add(toAdd);
    });
    const nodeCount = cy.nodes().length;
    const kept = nodeCount - added;
    const incremental = this.laidOutOnce && kept >= added && added + removed > 0;
    if (incremental) this.placeNearNeighbours(newNodes, options.focus);
    if (options.preset) {
      this.laidOutOnce = true;
      this.container.dataset.layoutState = 'done';
    } else if (added + removed > 0 || options.relayout || !this.layoutStarted) this.runLayout(options.layout, options.focus, incremental);
    if (this.hovered && cy.getElementById(this.hovered).empty()) this.hovered = null;
    if (this.emphasized) this.emphasize(this.emphasized);
    return { added, removed };
  }

  private setLarge(large: boolean): void {
    if (large === this.large) return;
    this.large = large;
    this.cy.style(stylesheet({ large }));
    (this.cy as unknown as { renderer(): { textureOnViewport: boolean } }).renderer().textureOnViewport = large;
  }

  /** New nodes start beside a neighbour that already has a place, so a refinement moves them little. */
  private placeNearNeighbours(ids: string[], focus: string | null): void {
    const cy = this.cy;
    const fresh = new Set(ids);
    const centre = focus && cy.getElementById(focus).nonempty() ? cy.getElementById(focus).position() : { x: 0, y: 0 };
    cy.batch(() => {
      for (const id of ids) {
        const node = cy.getElementById(id);
        const placed = node.neighborhood('node').filter((n) => !fresh.has(n.id()));
        const base: Position = placed.nonempty() ? (placed.first() as NodeSingular).position() : centre;
        const angle = Math.random() * 2 * Math.PI;
        node.position({ x: base.x + 60 * Math.cos(angle), y: base.y + 60 * Math.sin(angle) });
      }
    });
  }

  runLayout(name: LayoutName, focus: string | null, incremental = false): void {
    const cy = this.cy;
    this.layoutRun?.stop();
    this.refineRun++;
    if (cy.nodes().empty()) {
      this.container.dataset.layoutState = 'done';
      return;
    }
    this.layoutStarted = true;
    if (name === 'concentric') {
      const rings = concentricRings(
        cy.nodes().map((n) => n.id()),
        cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string })),
        focus,
        (id) => cy.getElementById(id).data('degree') as number,
      );
      cy.batch(() => cy.nodes().forEach((n) => void n.data('ring', rings.get(n.id()) ?? 1)));
    }
    const nodes = cy.nodes().length;
    const edges = cy.edges().length;
    const started = performance.now();
    const refine = name === 'fcose' && nodes > FCOSE_FULL_QUALITY_MAX && nodes <= REFINE_MAX && typeof Worker !== 'undefined';
    this.container.dataset.layoutState = 'running';
    if (refine && incremental) {
      // Everything already has a place: refine in the worker from there, no draft reshuffle.
      this.refineInWorker(name, focus, started);
      return;
    }
    const run = cy.layout(layoutOptions(name, { nodeCount: nodes, focus, incremental }));
    this.layoutRun = run;
    run.one('layoutstop', () => {
      if (this.layoutRun !== run) return;
      this.layoutRun = null;
      this.laidOutOnce = true;
      this.afterLayout(focus);
      // Report once the laid-out graph is on screen, not merely computed.
      requestAnimationFrame(() => {
        const ms = performance.now() - started;
        this.container.dataset.layoutName = name;
        performance.mark('atlas:laid-out', { detail: { name, nodes, edges, ms } });
        this.events.onLayoutDone?.({ name, nodes, edges, ms });
        if (refine) this.refineInWorker(name, focus, started);
        else this.container.dataset.layoutState = 'done';
      });
    });
    run.run();
  }

  /** Sends the current positions to the layout worker and moves the nodes to what it returns. */
  private refineInWorker(name: LayoutName, focus: string | null, started: number): void {
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
        const ms = performance.now() - started;
        this.container.dataset.layoutState = 'done';
        this.container.dataset.layoutName = name;
        const info = { name, nodes: cy.nodes().length, edges: cy.edges().length, ms, workerMs: e.data.ms };
        performance.mark('atlas:refined', { detail: info });
        this.events.onLayoutDone?.(info);
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

  /** Mirror the app's selection on the canvas without echoing it back as a user gesture. */
  select(selection: Selection | null): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.$(':selected').unselect();
      cy.elements('.hl').removeClass('hl');
      if (!selection) return;
      const el = cy.getElementById(selection.id);
      if (el.empty()) return;
      el.select();
      if (el.isNode()) el.closedNeighborhood().addClass('hl');
      else (el as unknown as cytoscape.EdgeSingular).connectedNodes().addClass('hl');
    });
    if (this.hovered) this.setHover(this.hovered);
  }

  /** Highlight a node and its relationships while the pointer is over it. */
  setHover(id: string | null): void {
    const cy = this.cy;
    cy.batch(() => {
      if (this.hovered && this.hovered !== id) {
        const prev = cy.getElementById(this.hovered);
        if (prev.nonempty() && !prev.selected()) prev.closedNeighborhood().filter((el) => !el.selected() && !this.isSelectionNeighbour(el.id())).removeClass('hl');
      }
      this.hovered = id;
      if (id) cy.getElementById(id).closedNeighborhood().addClass('hl');
    });
  }

  private isSelectionNeighbour(id: string): boolean {
    const sel = this.cy.$(':selected');
    return sel.nonempty() && sel.closedNeighborhood().some((el) => (el as cytoscape.SingularElementArgument).id() === id);
  }

  /**
   * Emphasise a set of nodes (an analysis panel's peer and its shared evidence, a path) and the
   * drawn relationships among them; null clears. Ids not drawn are skipped. Returns the ids drawn.
   */
  emphasize(ids: readonly string[] | null): string[] {
    const cy = this.cy;
    this.emphasized = ids && ids.length > 0 ? ids : null;
    const shown: string[] = [];
    cy.batch(() => {
      cy.elements('.em').removeClass('em');
      if (!ids || ids.length === 0) return;
      let nodes = cy.collection();
      for (const id of ids) {
        const n = cy.getElementById(id);
        if (n.nonempty() && n.isNode()) {
          nodes = nodes.union(n);
          shown.push(id);
        }
      }
      nodes.addClass('em');
      nodes.edgesWith(nodes).addClass('em');
    });
    this.container.dataset.emphasized = shown.join(' ');
    return shown;
  }

  /** Centre on a node (the list view and the detail panel use it). */
  reveal(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.nonempty()) this.cy.animate({ center: { eles: node } }, { duration: 250 });
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  fit(): void {
    this.cy.fit(undefined, 40);
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center();
    }
  }

  /** From the selected node, along one of its edges to the neighbour lying nearest the arrow's direction. */
  moveSelection(direction: Direction): string | null {
    const cy = this.cy;
    const sel = cy.$('node:selected');
    if (sel.empty()) {
      const start = (cy.$('node.focus').nonempty() ? cy.$('node.focus') : cy.nodes().sort((a, b) => b.degree(false) - a.degree(false))).first();
      return start.nonempty() ? start.id() : null;
    }
    const from = sel.first() as NodeSingular;
    const p = from.position();
    let best: { id: string; score: number } | null = null;
    from.neighborhood('node').forEach((n) => {
      const q = n.position();
      const angle = Math.atan2(q.y - p.y, q.x - p.x);
      let diff = Math.abs(angle - ANGLE[direction]);
      if (diff > Math.PI) diff = 2 * Math.PI - diff;
      if (diff > Math.PI / 2) return;
      const score = diff * 1000 + Math.hypot(q.x - p.x, q.y - p.y) / 1000;
      if (!best || score < best.score) best = { id: n.id(), score };
    });
    return (best as { id: string } | null)?.id ?? null;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const arrows: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
    const dir = arrows[e.key];
    if (dir) {
      e.preventDefault();
      const next = this.moveSelection(dir);
      if (next) {
        // Select on the canvas at once, so a key pressed next acts on this node even before the
        // app's state comes back round.
        this.select({ type: 'node', id: next });
        this.events.onSelect({ type: 'node', id: next });
        this.reveal(next);
      }
      return;
    }
    const sel = this.cy.$('node:selected');
    if ((e.key === 'Enter' || e.key === 'e') && sel.nonempty()) {
      e.preventDefault();
      this.events.onToggleExpand(sel.first().id());
    } else if (e.key === 'Escape') {
      this.events.onSelect(null);
    } else if (e.key === '+' || e.key === '=') {
      this.zoomBy(1.25);
    } else if (e.key === '-') {
      this.zoomBy(0.8);
    } else if (e.key === '0') {
      this.fit();
    }
  }

  exportPng(): Promise<Blob> {
    return this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  }

  exportSvg(): string {
    return (this.cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
  }

  /** Where each node is drawn, in page pixels (for end-to-end tests and the benchmark). */
  renderedNodes(): { id: string; label: string; x: number; y: number }[] {
    const box = this.container.getBoundingClientRect();
    return this.cy.nodes().map((n) => {
      const p = n.renderedPosition();
      return { id: n.id(), label: String(n.data('name') ?? n.data('label')), x: box.left + p.x, y: box.top + p.y };
    });
  }

  destroy(): void {
    this.layoutRun?.stop();
    this.worker?.terminate();
    this.cy.destroy();
  }
}
