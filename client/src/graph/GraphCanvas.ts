import cytoscape, {
  type CollectionReturnValue,
  type Core,
  type ElementDefinition,
  type EventObject,
  type NodeSingular,
  type Position,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { Highlighter, NO_HIGHLIGHT, type ElementRef, type Highlight } from './highlight.js';
import { keyCommand, neighbourInDirection, startNode, type Direction } from './keyboard.js';
import type { LayoutName } from './layouts.js';
import { fitAll, LayoutRunner, type LayoutInfo } from './LayoutRunner.js';
import { DiscGrid, ringPlacement } from './placement.js';
import { chooseRenderer, labelsVisibleAt, type RendererChoice } from './renderer.js';
import { LABEL_FONT_SIZE, LARGE_GRAPH_ELEMENTS, MIN_ZOOMED_FONT_SIZE, stylesheet } from './style.js';

export type { LayoutInfo };

let registered = false;
function register(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

export interface CanvasEvents {
  onSelect(selection: ElementRef | null): void;
  onToggleExpand(id: string): void;
  /** The pointer entered a node (its id) or left it (null). */
  onHover?(id: string | null): void;
  /** After every layout: how long it took and how many nodes it placed. */
  onLayoutDone?(info: LayoutInfo): void;
}

export interface CanvasOptions {
  /** The renderer to use; by default WebGL where the browser has it in hardware (renderer.ts). */
  renderer?: RendererChoice;
}

export interface UpdateOptions {
  layout: LayoutName;
  focus: string | null;
  /** Run the layout even if no node came or went (the user asked for it, or changed layouts). */
  relayout?: boolean;
  /** The elements carry their positions: draw them where they are, no layout. */
  preset?: boolean;
}

/** A first drawing with a focus and at least this many new nodes is placed on rings around the focus, not by a force layout. */
export const RING_FIRST_MIN = 60;

/** The classes the Highlighter sets (highlight.ts); an element's own come from toElements. */
const HIGHLIGHT_CLASSES: readonly string[] = ['hl', 'em'];

/**
 * Brings a drawn element to its definition, touching only what changed: any change restyles the
 * element (a thousand kept elements set afresh at every update cost a full restyle), and the
 * Highlighter's classes stay where it put them (replacing the class list dropped them, while the
 * Highlighter, which only moves what changes, still counted them as marked).
 */
function patchElement(ele: CollectionReturnValue, def: ElementDefinition): void {
  const data = ele.data() as Record<string, unknown>;
  const changed = Object.entries(def.data).filter(([k, v]) => data[k] !== v);
  if (changed.length > 0) ele.data(Object.fromEntries(changed));
  const own = typeof def.classes === 'string' ? def.classes.split(' ').filter(Boolean) : (def.classes ?? []);
  const current = ele.classes() as unknown as string[];
  const kept = current.filter((c) => HIGHLIGHT_CLASSES.includes(c));
  const currentOwn = current.filter((c) => !HIGHLIGHT_CLASSES.includes(c));
  if (currentOwn.length !== own.length || own.some((c) => !currentOwn.includes(c))) ele.classes([...own, ...kept]);
}

/**
 * THE module that owns the Cytoscape instance. It is given elements (derived from the model by
 * toElements) and a Highlight (from the app's state), and never holds data of its own: what it
 * shows is replaced or patched from the elements each time, by id. User gestures go out through
 * CanvasEvents. Layouts run in LayoutRunner, highlights in Highlighter, keys mean what
 * keyboard.ts says, images come from imageExport.ts.
 */
export class GraphCanvas {
  readonly cy: Core;
  private readonly layouts: LayoutRunner;
  private readonly highlighter: Highlighter;
  private highlight: Highlight = NO_HIGHLIGHT;
  private focus: string | null = null;
  private large = false;
  /** The renderer that draws, and why (the benchmark reports it). */
  readonly renderer: RendererChoice;
  private labelsShown = true;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: CanvasEvents,
    options: CanvasOptions = {},
  ) {
    register();
    this.renderer = options.renderer ?? chooseRenderer();
    this.cy = cytoscape({
      container,
      ...(this.renderer.kind === 'webgl' ? ({ renderer: { name: 'canvas', webgl: true } } as object) : {}),
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
    this.layouts = new LayoutRunner(this.cy, container, (info) => this.events.onLayoutDone?.(info));
    this.highlighter = new Highlighter(this.cy, container);
    this.bindEvents();
    if (this.renderer.kind === 'webgl') this.cy.on('zoom', () => this.hideLabelsByZoom());
  }

  /** WebGL ignores min-zoomed-font-size: labels are switched off below it here, once per crossing. */
  private hideLabelsByZoom(): void {
    const show = labelsVisibleAt(this.cy.zoom(), LABEL_FONT_SIZE, MIN_ZOOMED_FONT_SIZE[this.large ? 'large' : 'normal']);
    if (show === this.labelsShown) return;
    this.labelsShown = show;
    this.cy.style(stylesheet({ large: this.large, labels: show }));
  }

  private bindEvents(): void {
    const cy = this.cy;
    cy.on('tap', 'node', (e: EventObject) => this.events.onSelect({ type: 'node', id: e.target.id() }));
    cy.on('tap', 'edge', (e: EventObject) => this.events.onSelect({ type: 'edge', id: e.target.id() }));
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) this.events.onSelect(null);
    });
    cy.on('dbltap', 'node', (e: EventObject) => this.events.onToggleExpand(e.target.id()));
    cy.on('mouseover', 'node', (e: EventObject) => this.events.onHover?.(e.target.id()));
    cy.on('mouseout', 'node', () => this.events.onHover?.(null));
    this.container.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Replace the drawn elements with these, keeping the positions of nodes that stay. */
  update(elements: ElementDefinition[], options: UpdateOptions): { added: number; removed: number } {
    const cy = this.cy;
    this.focus = options.focus;
    const wanted = new Map<string, ElementDefinition>();
    for (const el of elements) wanted.set(el.data.id!, el);
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
        if (existing.nonempty()) patchElement(existing, el);
        else {
          toAdd.push(el);
          if (el.group === 'nodes') newNodes.push(id);
        }
      }
      if (toAdd.length > 0) cy.add(toAdd);
    });
    const added = newNodes.length;
    const kept = cy.nodes().length - added;
    const incremental = this.layouts.laidOutOnce && kept >= added && added + removed > 0;
    const placingStarted = performance.now();
    if (options.preset) this.layouts.markPlaced();
    else if (added > 0 && options.layout === 'fcose' && !options.relayout && this.placeOnRings(newNodes, options.focus)) {
      this.layouts.markPlaced();
      this.container.dataset.placement = 'rings';
      fitAll(cy);
      this.layouts.report(options.layout, placingStarted);
    } else {
      if (incremental) this.placeNearNeighbours(newNodes, options.focus);
      if (added + removed > 0 || options.relayout || !this.layouts.started) this.layouts.start(options.layout, options.focus, incremental);
    }
    this.highlighter.apply(this.highlight);
    return { added, removed };
  }

  private setLarge(large: boolean): void {
    if (large === this.large) return;
    this.large = large;
    this.cy.style(stylesheet({ large, labels: this.labelsShown }));
    const renderer = (this.cy as unknown as { renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean } }).renderer();
    renderer.textureOnViewport = large;
    renderer.hideEdgesOnViewport = large;
  }

  /**
   * New nodes on rings around the drawn node they hang from (its best connected drawn neighbour),
   * in free spots: nothing overlaps and nothing drawn moves. Used for a hub's neighbours on first
   * drawing (a focus with more than RING_FIRST_MIN nodes) and for every expansion after a force
   * layout. False (nothing moved) when it does not apply.
   */
  private placeOnRings(ids: string[], focus: string | null): boolean {
    const cy = this.cy;
    const fresh = new Set(ids);
    const placed = new Set(
      cy
        .nodes()
        .filter((n) => !fresh.has(n.id()))
        .map((n) => n.id()),
    );
    // A first drawing, or one that keeps nothing of the last (a hub opened from the overview): the focus at the centre.
    if (!this.layouts.laidOutOnce || placed.size === 0) {
      if (!focus || !fresh.has(focus) || ids.length < RING_FIRST_MIN) return false;
      cy.getElementById(focus).position({ x: 0, y: 0 });
      fresh.delete(focus);
      placed.add(focus);
    }
    const disc = (n: NodeSingular) => ({ ...n.position(), r: (n.data('size') as number) / 2 });
    // One grid of everything placed, shared by every anchor's rings (a grid per anchor rebuilt from
    // all drawn nodes made a 10k drawing's placement quadratic: seconds).
    const largest = cy.nodes().max((n) => n.data('size') as number).value;
    const grid = new DiscGrid(Math.max(largest + 16, 1));
    cy.nodes()
      .filter((n) => placed.has(n.id()))
      .forEach((n) => grid.add(disc(n as NodeSingular)));
    cy.batch(() => {
      for (let round = 0; fresh.size > 0 && round < 6; round++) {
        const byAnchor = new Map<string, NodeSingular[]>();
        for (const id of fresh) {
          const node = cy.getElementById(id) as NodeSingular;
          const anchors = node.neighborhood('node').filter((n) => placed.has(n.id()));
          if (anchors.empty()) continue;
          const anchor = anchors.max((n) => (n.id() === focus ? Infinity : (n as NodeSingular).degree(false))).ele as NodeSingular;
          (byAnchor.get(anchor.id()) ?? byAnchor.set(anchor.id(), []).get(anchor.id())!).push(node);
        }
        if (byAnchor.size === 0) break;
        for (const [anchorId, nodes] of byAnchor) {
          const anchor = cy.getElementById(anchorId) as NodeSingular;
          nodes.sort((a, b) => b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1));
          for (const p of ringPlacement(
            disc(anchor),
            nodes.map((n) => ({ id: n.id(), r: (n.data('size') as number) / 2 })),
            grid,
          )) {
            cy.getElementById(p.id).position({ x: p.x, y: p.y });
            placed.add(p.id);
            fresh.delete(p.id);
          }
        }
      }
      if (fresh.size > 0) {
        // Unconnected to anything drawn: a ring around the whole drawing.
        const box = cy
          .nodes()
          .filter((n) => placed.has(n.id()))
          .boundingBox({});
        const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2, r: Math.max(box.w, box.h) / 2 };
        const rest = [...fresh].map((id) => ({ id, r: (cy.getElementById(id).data('size') as number) / 2 }));
        for (const p of ringPlacement(centre, rest, grid)) cy.getElementById(p.id).position({ x: p.x, y: p.y });
      }
    });
    return true;
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

  /** Show this highlight (selection, hover, emphasis), touching only what changed since the last. */
  setHighlight(highlight: Highlight): void {
    if (highlight === this.highlight) return;
    this.highlight = highlight;
    this.highlighter.apply(highlight);
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
    fitAll(this.cy);
  }

  /** The node an arrow key leads to from the selected node (or where to start when none is). */
  private nextNode(direction: Direction): string | null {
    const cy = this.cy;
    const sel = cy.$('node:selected');
    if (sel.empty())
      return startNode(
        cy.nodes().map((n) => ({ id: n.id(), degree: n.degree(false) })),
        this.focus,
      );
    const from = sel.first() as NodeSingular;
    const neighbours = from.neighborhood('node').map((n) => ({ id: n.id(), ...(n as NodeSingular).position() }));
    return neighbourInDirection({ id: from.id(), ...from.position() }, neighbours, direction);
  }

  private onKey(e: KeyboardEvent): void {
    const command = keyCommand(e);
    if (!command) return;
    switch (command.type) {
      case 'move': {
        e.preventDefault();
        const next = this.nextNode(command.direction);
        if (!next) return;
        // Select on the canvas at once, so a key pressed next acts on this node even before the
        // app's state comes back round.
        this.setHighlight({ ...this.highlight, selection: { type: 'node', id: next } });
        this.events.onSelect({ type: 'node', id: next });
        this.reveal(next);
        return;
      }
      case 'toggleExpand': {
        const sel = this.cy.$('node:selected');
        if (sel.empty()) return;
        e.preventDefault();
        this.events.onToggleExpand(sel.first().id());
        return;
      }
      case 'deselect':
        this.events.onSelect(null);
        return;
      case 'zoom':
        this.zoomBy(command.factor);
        return;
      case 'fit':
        this.fit();
    }
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
    this.layouts.destroy();
    this.cy.destroy();
  }
}
