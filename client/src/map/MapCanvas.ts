import { NODE_KIND_STYLE } from '../graph/kinds.js';
import { formatNumber } from '../i18n/index.js';
import type { Selection } from '../state/selection/index.js';
import { WORLD_WIDTH, type Basemap } from './basemap.js';
import { arcControl, cluster, linksOf, type Clustering, type MapScene, type ProjectedLayer } from './mapModel.js';

/**
 * The one owner of the map's canvas: pan and zoom (screen = world × k + t), drawing from the
 * projected layer and the scene (what the filters keep), hit testing, and the selection shown.
 * Canonical data never lives here: setData/setSelection are called with derived values.
 */

export interface MapEvents {
  onSelect(selection: Selection | null): void;
  /** After the first frame with data: what was drawn and how long the frame took. */
  onDrawn?(info: { places: number; links: number; frameMs: number }): void;
}

/** Places closer than this on screen merge into a cluster. */
const CELL_PX = 28;
/** Names of places standing alone are written from this zoom on, when few are on screen. */
const NAMES_ZOOM = 6;
const MIN_ZOOM = 0.8;
const MAX_ZOOM = 2048;
const PLACE = NODE_KIND_STYLE.MUNICIPALITY.colour;
const LINK = NODE_KIND_STYLE.PARTNERSHIP.colour;
const SELECTED = '#f5a000';
/** A gesture is over when no wheel or drag event came for this long; then the full frame is drawn. */
const GESTURE_IDLE_MS = 150;

interface Highlight {
  place: number;
  partnership: string | null;
  links: number[];
  partners: number[];
}

export class MapCanvas {
  readonly element: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private basemap: Basemap | null = null;
  private layer: ProjectedLayer | null = null;
  private scene: MapScene | null = null;
  private readonly clusters = new Map<number, Clustering>();
  private selection: Selection | null = null;
  private highlight: Highlight | null = null;
  private k = 1;
  private tx = 0;
  private ty = 0;
  private fitted = false;
  private pending = 0;
  private drawnOnce = false;
  private drag: { x: number; y: number; moved: boolean } | null = null;
  private readonly resize: ResizeObserver;
  /** The last full frame and the transform it was drawn with, moved as a picture during gestures. */
  private readonly snapshot = document.createElement('canvas');
  private snapshotAt: { k: number; tx: number; ty: number } | null = null;
  private gestureTimer = 0;
  /** Frames drawn so far (the benchmark counts them). */
  frames = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: MapEvents,
  ) {
    this.element = document.createElement('canvas');
    this.element.className = 'map-canvas';
    container.appendChild(this.element);
    this.ctx = this.element.getContext('2d')!;
    this.resize = new ResizeObserver(() => this.requestDraw());
    this.resize.observe(container);
    this.listen();
  }

  setBasemap(basemap: Basemap): void {
    this.basemap = basemap;
    this.requestDraw();
  }

  /** New data or filters: clusters are recomputed lazily, the highlight rebuilt. */
  setData(layer: ProjectedLayer, scene: MapScene): void {
    this.layer = layer;
    this.scene = scene;
    this.clusters.clear();
    this.setSelection(this.selection);
  }

  setSelection(selection: Selection | null): void {
    this.selection = selection;
    this.highlight = this.buildHighlight();
    this.requestDraw();
  }

  /** Whether the selection is a place or a partnership drawn on the map. */
  get selectionShown(): boolean {
    return this.highlight !== null;
  }

  fit(): void {
    const { width, height } = this.size();
    const worldHeight = this.basemap?.height ?? WORLD_WIDTH / 2;
    this.k = Math.min(width / WORLD_WIDTH, height / worldHeight) * 0.98;
    this.tx = (width - WORLD_WIDTH * this.k) / 2;
    this.ty = (height - worldHeight * this.k) / 2;
    this.requestDraw();
  }

  /** Zoom by a factor about a screen point (the centre by default). */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const { width, height } = this.size();
    const p = at ?? { x: width / 2, y: height / 2 };
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM * (width / WORLD_WIDTH), this.k * factor));
    this.tx = p.x - ((p.x - this.tx) * k) / this.k;
    this.ty = p.y - ((p.y - this.ty) * k) / this.k;
    this.k = k;
    this.requestDraw();
  }

  panBy(dx: number, dy: number): void {
    this.tx += dx;
    this.ty += dy;
    this.requestDraw();
  }

  /** Centre a place at a zoom where it stands apart from its neighbours. */
  centerOn(id: string, k = 24): boolean {
    const i = this.layer?.indexOf.get(id);
    if (i === undefined || !this.layer) return false;
    const { width, height } = this.size();
    this.k = Math.min(MAX_ZOOM, Math.max(this.k, k));
    this.tx = width / 2 - this.layer.x[i]! * this.k;
    this.ty = height / 2 - this.layer.y[i]! * this.k;
    this.fitted = true;
    this.requestDraw();
    return true;
  }

  /** Where a place is drawn, in CSS pixels from the canvas's top left; null when not in the scene. */
  placeOnScreen(id: string): { x: number; y: number } | null {
    const i = this.layer?.indexOf.get(id);
    if (i === undefined || !this.layer || !this.scene?.places.includes(i)) return null;
    return { x: this.layer.x[i]! * this.k + this.tx, y: this.layer.y[i]! * this.k + this.ty };
  }

  /** Where a longitude/latitude is on screen now (the benchmark zooms about a place). */
  projectionPoint(lng: number, lat: number): { x: number; y: number } | null {
    const xy = this.basemap?.projection([lng, lat]);
    return xy ? { x: xy[0] * this.k + this.tx, y: xy[1] * this.k + this.ty } : null;
  }

  get zoom(): number {
    return this.k;
  }

  destroy(): void {
    cancelAnimationFrame(this.pending);
    clearTimeout(this.gestureTimer);
    this.resize.disconnect();
    this.element.remove();
  }

  // --- events ---------------------------------------------------------------------------

  private listen(): void {
    const el = this.element;
    el.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        this.gesture();
        const r = el.getBoundingClientRect();
        this.zoomBy(Math.exp(-e.deltaY * 0.0025), { x: e.clientX - r.left, y: e.clientY - r.top });
      },
      { passive: false },
    );
    el.addEventListener('pointerdown', (e) => {
      this.drag = { x: e.clientX, y: e.clientY, moved: false };
      el.setPointerCapture?.(e.pointerId);
    });
    el.addEventListener('pointermove', (e) => {
      if (!this.drag) return;
      const dx = e.clientX - this.drag.x;
      const dy = e.clientY - this.drag.y;
      if (!this.drag.moved && Math.hypot(dx, dy) < 4) return;
      this.drag = { x: e.clientX, y: e.clientY, moved: true };
      this.gesture();
      this.panBy(dx, dy);
    });
    el.addEventListener('pointerup', (e) => {
      const click = this.drag && !this.drag.moved;
      this.drag = null;
      if (!click) return;
      const r = el.getBoundingClientRect();
      this.click(e.clientX - r.left, e.clientY - r.top);
    });
    el.addEventListener('dblclick', (e) => {
      const r = el.getBoundingClientRect();
      this.zoomBy(2, { x: e.clientX - r.left, y: e.clientY - r.top });
    });
    this.container.addEventListener('keydown', (e) => this.key(e));
  }

  /** During a wheel or drag the last full frame is moved as a picture; the full frame follows when it stops. */
  private gesture(): void {
    clearTimeout(this.gestureTimer);
    this.gestureTimer = window.setTimeout(() => {
      this.gestureTimer = 0;
      this.requestDraw();
    }, GESTURE_IDLE_MS);
  }

  private key(e: KeyboardEvent): void {
    const step = 60;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => this.panBy(step, 0),
      ArrowRight: () => this.panBy(-step, 0),
      ArrowUp: () => this.panBy(0, step),
      ArrowDown: () => this.panBy(0, -step),
      '+': () => this.zoomBy(1.5),
      '=': () => this.zoomBy(1.5),
      '-': () => this.zoomBy(1 / 1.5),
      '0': () => this.fit(),
      Escape: () => this.events.onSelect(null),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  /** A place selects it; a cluster zooms in on it; a single partnership's arc selects it. */
  private click(sx: number, sy: number): void {
    const layer = this.layer;
    if (!layer) return;
    const h = this.highlight;
    if (h) {
      for (const p of [h.place, ...h.partners]) {
        if (p >= 0 && Math.hypot(layer.x[p]! * this.k + this.tx - sx, layer.y[p]! * this.k + this.ty - sy) <= 7)
          return this.events.onSelect({ type: 'node', id: layer.ids[p]! });
      }
      for (const l of h.links) {
        const a = this.screenOf(layer.linkA[l]!);
        const b = this.screenOf(layer.linkB[l]!);
        if (arcSamples(a.x, a.y, b.x, b.y).some(([x, y]) => Math.hypot(x - sx, y - sy) <= 4))
          return this.events.onSelect({ type: 'node', id: layer.linkPartnership[l]! });
      }
    }
    const c = this.currentClusters();
    if (!c) return;
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < c.count.length; i++) {
      const d = Math.hypot(c.cx[i]! * this.k + this.tx - sx, c.cy[i]! * this.k + this.ty - sy);
      if (d <= clusterRadius(c.count[i]!) + 3 && d < bestD) {
        best = i;
        bestD = d;
      }
    }
    if (best >= 0) {
      if (c.single[best]! >= 0) return this.events.onSelect({ type: 'node', id: layer.ids[c.single[best]!]! });
      return this.zoomBy(3, { x: c.cx[best]! * this.k + this.tx, y: c.cy[best]! * this.k + this.ty });
    }
    const link = this.linkAt(c, sx, sy);
    this.events.onSelect(link >= 0 ? { type: 'node', id: layer.linkPartnership[link]! } : null);
  }

  private linkAt(c: Clustering, sx: number, sy: number): number {
    const { k, tx, ty } = this;
    for (let e = 0; e < c.edgeA.length; e++) {
      const l = c.edgeSingle[e]!;
      if (l < 0) continue;
      const [a, b] = [c.edgeA[e]!, c.edgeB[e]!];
      if (
        arcSamples(c.cx[a]! * k + tx, c.cy[a]! * k + ty, c.cx[b]! * k + tx, c.cy[b]! * k + ty).some(
          ([x, y]) => Math.hypot(x - sx, y - sy) <= 4,
        )
      )
        return l;
    }
    return -1;
  }

  private screenOf(place: number): { x: number; y: number } {
    return { x: this.layer!.x[place]! * this.k + this.tx, y: this.layer!.y[place]! * this.k + this.ty };
  }

  /** A point on screen on an arc of the selection, clear of its ends (for tests and the benchmark). */
  selectionArcPoint(): { x: number; y: number; partnership: string } | null {
    const { width, height } = this.size();
    for (const l of this.highlight?.links ?? []) {
      const a = this.screenOf(this.layer!.linkA[l]!);
      const b = this.screenOf(this.layer!.linkB[l]!);
      const hit = arcSamples(a.x, a.y, b.x, b.y).find(
        ([x, y]) =>
          x > 10 && y > 10 && x < width - 60 && y < height - 40 && Math.hypot(x - a.x, y - a.y) > 25 && Math.hypot(x - b.x, y - b.y) > 25,
      );
      if (hit) return { x: hit[0], y: hit[1], partnership: this.layer!.linkPartnership[l]! };
    }
    return null;
  }

  // --- drawing --------------------------------------------------------------------------

  private size(): { width: number; height: number } {
    return { width: this.container.clientWidth || 800, height: this.container.clientHeight || 600 };
  }

  private requestDraw(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.draw();
    });
  }

  private currentClusters(): Clustering | null {
    if (!this.layer || !this.scene) return null;
    // Half-octave zoom levels: the clusters change in steps, not on every wheel tick.
    const level = Math.round(Math.log2(this.k) * 2);
    let c = this.clusters.get(level);
    if (!c) {
      const cell = CELL_PX / Math.pow(2, level / 2);
      // Discs as drawn at this level (screen pixels to world units): overlapping ones merge.
      c = cluster(this.layer, this.scene, cell, (n) => (clusterRadius(n) * cell) / CELL_PX);
      this.clusters.set(level, c);
    }
    return c;
  }

  private draw(): void {
    const t0 = performance.now();
    const { width, height } = this.size();
    const dpr = window.devicePixelRatio || 1;
    if (this.element.width !== Math.round(width * dpr) || this.element.height !== Math.round(height * dpr)) {
      this.element.width = Math.round(width * dpr);
      this.element.height = Math.round(height * dpr);
      this.element.style.width = `${width}px`;
      this.element.style.height = `${height}px`;
      this.snapshotAt = null;
    }
    if (this.gestureTimer && this.snapshotAt) {
      this.drawSnapshot(width, height, dpr);
      this.frames++;
      return;
    }
    if (!this.fitted && this.basemap) {
      this.fitted = true;
      this.fit();
    }
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#eef2f5';
    ctx.fillRect(0, 0, width, height);
    ctx.setTransform(dpr * this.k, 0, 0, dpr * this.k, dpr * this.tx, dpr * this.ty);
    if (this.basemap) {
      ctx.fillStyle = '#cddff0';
      ctx.fill(this.basemap.sphere);
      ctx.fillStyle = '#f6f3ea';
      ctx.fill(this.basemap.land);
      ctx.strokeStyle = '#a9a394';
      ctx.lineWidth = 0.7 / this.k;
      ctx.stroke(this.basemap.borders);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const c = this.currentClusters();
    if (c) {
      this.drawEdges(c, width, height);
      this.drawClusters(c, width, height);
    }
    this.drawHighlight();
    this.takeSnapshot();
    this.frames++;
    const frameMs = performance.now() - t0;
    if (!this.drawnOnce && this.scene && this.basemap) {
      this.drawnOnce = true;
      this.events.onDrawn?.({ places: this.scene.places.length, links: this.scene.links.length, frameMs });
    }
  }

  private takeSnapshot(): void {
    if (this.snapshot.width !== this.element.width || this.snapshot.height !== this.element.height) {
      this.snapshot.width = this.element.width;
      this.snapshot.height = this.element.height;
    }
    const sctx = this.snapshot.getContext('2d')!;
    sctx.clearRect(0, 0, this.snapshot.width, this.snapshot.height);
    sctx.drawImage(this.element, 0, 0);
    this.snapshotAt = { k: this.k, tx: this.tx, ty: this.ty };
  }

  /** The last full frame, scaled and moved to the current transform (as Cytoscape's textureOnViewport). */
  private drawSnapshot(width: number, height: number, dpr: number): void {
    const at = this.snapshotAt!;
    const s = this.k / at.k;
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#eef2f5';
    ctx.fillRect(0, 0, width, height);
    ctx.setTransform(dpr * s, 0, 0, dpr * s, dpr * (this.tx - at.tx * s), dpr * (this.ty - at.ty * s));
    ctx.drawImage(this.snapshot, 0, 0, width, height);
  }

  private drawEdges(c: Clustering, width: number, height: number): void {
    const ctx = this.ctx;
    const { k, tx, ty } = this;
    // One path per line width: a handful of strokes, whatever the number of arcs.
    const widths = [0.7, 1.4, 2.4, 3.6];
    const paths = widths.map(() => new Path2D());
    for (let e = 0; e < c.edgeA.length; e++) {
      const ax = c.cx[c.edgeA[e]!]! * k + tx;
      const ay = c.cy[c.edgeA[e]!]! * k + ty;
      const bx = c.cx[c.edgeB[e]!]! * k + tx;
      const by = c.cy[c.edgeB[e]!]! * k + ty;
      // Arcs with neither end on screen only cross it: left out (noise, and the costliest to draw).
      if (!onScreen(ax, ay, width, height) && !onScreen(bx, by, width, height)) continue;
      const n = c.edgeCount[e]!;
      const path = paths[n === 1 ? 0 : n < 5 ? 1 : n < 25 ? 2 : 3]!;
      const [qx, qy] = arcControl(ax, ay, bx, by);
      path.moveTo(ax, ay);
      path.quadraticCurveTo(qx, qy, bx, by);
    }
    ctx.strokeStyle = LINK;
    paths.forEach((p, i) => {
      // Single arcs faint (many cross the screen), merged ones stronger; all fade behind a selection.
      ctx.globalAlpha = (i === 0 ? 0.14 : 0.3) * (this.highlight ? 0.4 : 1);
      ctx.lineWidth = widths[i]!;
      ctx.stroke(p);
    });
    ctx.globalAlpha = 1;
  }

  private drawClusters(c: Clustering, width: number, height: number): void {
    const ctx = this.ctx;
    const { k, tx, ty } = this;
    const exact = new Path2D();
    const approx = new Path2D();
    const groups = new Path2D();
    const labels: [string, number, number][] = [];
    const names: [string, number, number][] = [];
    for (let i = 0; i < c.count.length; i++) {
      const x = c.cx[i]! * k + tx;
      const y = c.cy[i]! * k + ty;
      if (x < -30 || y < -30 || x > width + 30 || y > height + 30) continue;
      const n = c.count[i]!;
      const single = c.single[i]!;
      if (single >= 0) {
        const path = this.layer!.approx[single] ? approx : exact;
        path.moveTo(x + 3.5, y);
        path.arc(x, y, 3.5, 0, 2 * Math.PI);
        names.push([this.layer!.names[single]!, x, y]);
      } else {
        const r = clusterRadius(n);
        groups.moveTo(x + r, y);
        groups.arc(x, y, r, 0, 2 * Math.PI);
        if (r >= 8) labels.push([formatNumber(n, { notation: 'compact', maximumFractionDigits: 1 }), x, y]);
      }
    }
    ctx.fillStyle = '#6aa6d6';
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1;
    ctx.fill(groups);
    ctx.stroke(groups);
    ctx.fillStyle = PLACE;
    ctx.fill(exact);
    ctx.stroke(exact);
    // Approximate places: a ring, not a dot (the legend says so).
    ctx.strokeStyle = PLACE;
    ctx.lineWidth = 1.5;
    ctx.fillStyle = '#fff';
    ctx.fill(approx);
    ctx.stroke(approx);
    ctx.fillStyle = '#fff';
    ctx.font = '600 10px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const [t, x, y] of labels) ctx.fillText(t, x, y);
    // Names when few places stand alone on screen.
    if (this.k >= NAMES_ZOOM && names.length <= 150) {
      ctx.textAlign = 'left';
      ctx.font = '11px system-ui, sans-serif';
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.fillStyle = '#222';
      for (const [t, x, y] of names) {
        ctx.strokeText(t, x + 6, y);
        ctx.fillText(t, x + 6, y);
      }
    }
  }

  private buildHighlight(): Highlight | null {
    const { layer, scene, selection } = this;
    if (!layer || !scene || !selection || selection.type !== 'node') return null;
    const place = layer.indexOf.get(selection.id);
    if (place !== undefined && scene.places.includes(place)) return { place, partnership: null, ...linksOf(layer, scene, place) };
    const links = [...scene.links].filter((l) => layer.linkPartnership[l] === selection.id);
    if (links.length === 0) return null;
    const partners = [...new Set(links.flatMap((l) => [layer.linkA[l]!, layer.linkB[l]!]))];
    return { place: -1, partnership: selection.id, links, partners };
  }

  private drawHighlight(): void {
    const h = this.highlight;
    const layer = this.layer;
    if (!h || !layer) return;
    const ctx = this.ctx;
    const sx = (i: number) => layer.x[i]! * this.k + this.tx;
    const sy = (i: number) => layer.y[i]! * this.k + this.ty;
    const arcs = new Path2D();
    for (const l of h.links) {
      const a = layer.linkA[l]!;
      const b = layer.linkB[l]!;
      const [qx, qy] = arcControl(sx(a), sy(a), sx(b), sy(b));
      arcs.moveTo(sx(a), sy(a));
      arcs.quadraticCurveTo(qx, qy, sx(b), sy(b));
    }
    ctx.strokeStyle = SELECTED;
    ctx.lineWidth = 2;
    ctx.stroke(arcs);
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    const ringed = h.place >= 0 ? [h.place, ...h.partners] : h.partners;
    ringed.forEach((p, i) => {
      const big = i === 0 && h.place >= 0;
      ctx.beginPath();
      ctx.arc(sx(p), sy(p), big ? 7 : 4.5, 0, 2 * Math.PI);
      ctx.fillStyle = layer.approx[p] ? '#fff' : PLACE;
      ctx.fill();
      ctx.lineWidth = big ? 3 : 2;
      ctx.strokeStyle = SELECTED;
      ctx.stroke();
      if (big || ringed.length <= 40) {
        ctx.lineWidth = 3;
        ctx.strokeStyle = 'rgba(255,255,255,0.95)';
        ctx.strokeText(layer.names[p]!, sx(p) + 9, sy(p));
        ctx.fillStyle = '#111';
        ctx.fillText(layer.names[p]!, sx(p) + 9, sy(p));
      }
    });
  }
}

const onScreen = (x: number, y: number, width: number, height: number) => x >= -20 && y >= -20 && x <= width + 20 && y <= height + 20;

/** Points along a drawn arc (its quadratic curve), for hit tests. */
function arcSamples(ax: number, ay: number, bx: number, by: number, n = 48): [number, number][] {
  const [qx, qy] = arcControl(ax, ay, bx, by);
  const out: [number, number][] = [];
  for (let s = 0; s <= n; s++) {
    const t = s / n;
    out.push([(1 - t) * (1 - t) * ax + 2 * (1 - t) * t * qx + t * t * bx, (1 - t) * (1 - t) * ay + 2 * (1 - t) * t * qy + t * t * by]);
  }
  return out;
}

/** A cluster's radius on screen: grows with the square root of its places, capped. */
export const clusterRadius = (n: number): number => (n <= 1 ? 3.5 : Math.min(26, 5 + 2 * Math.sqrt(n)));
