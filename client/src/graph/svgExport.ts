import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';

/**
 * The drawn graph as an SVG document, written from Cytoscape's model (positions, sizes, the
 * computed style of every element) with the same geometry its canvas renderer uses: node shapes
 * as its unit polygons, edges as its chains of quadratic curves, arrowheads of its size and angle,
 * labels where it puts them and only when it draws them. Same bounds as the PNG export, so the
 * two images line up pixel for pixel. (cytoscape-svg drew some shapes wrongly and smeared
 * labels: issue 11.)
 */

type Pts = number[];

const ngon = (sides: number, rotation = 0): Pts => {
  const increment = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + increment / 2 : Math.PI / 2) + rotation;
  const pts: Pts = [];
  for (let i = 0; i < sides; i++) pts.push(Math.cos(i * increment + start), Math.sin(-(i * increment + start)));
  return pts;
};

/** Cytoscape's fitPolygonToSquare: stretch to a width and height of 2, then move down to start at y = -1. */
const fitToSquare = (pts: Pts): Pts => {
  const xs = pts.filter((_, i) => i % 2 === 0);
  const ys = pts.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const out = pts.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...ys, ...out.filter((_, i) => i % 2 === 1));
  return minY < -1 ? out.map((v, i) => (i % 2 === 1 ? v + (-1 - minY) : v)) : out;
};

function star(): Pts {
  const outer = ngon(5);
  const inner = ngon(5, Math.PI / 5).map((v) => v * 0.5 * (3 - Math.sqrt(5)) * 1.57);
  const pts: Pts = [];
  for (let i = 0; i < 5; i++) pts.push(outer[2 * i]!, outer[2 * i + 1]!, inner[2 * i]!, inner[2 * i + 1]!);
  return fitToSquare(pts);
}

/** Cytoscape's unit polygons (in [-1, 1]², y down), by shape name without the round- prefix. */
const POLYGONS: Record<string, Pts> = {
  triangle: fitToSquare(ngon(3)),
  rectangle: fitToSquare(ngon(4)),
  diamond: [0, 1, 1, 0, 0, -1, -1, 0],
  pentagon: fitToSquare(ngon(5)),
  hexagon: fitToSquare(ngon(6)),
  heptagon: fitToSquare(ngon(7)),
  octagon: fitToSquare(ngon(8)),
  star: star(),
  tag: [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
};

const f = (n: number) => (Math.round(n * 100) / 100).toString();
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A polygon path, its corners rounded with radius r (Cytoscape's round-* shapes) when r > 0. */
function polygonPath(pts: { x: number; y: number }[], r: number): string {
  if (r <= 0) return `M${pts.map((p) => `${f(p.x)},${f(p.y)}`).join('L')}Z`;
  const n = pts.length;
  let d = '';
  for (let i = 0; i < n; i++) {
    const prev = pts[(i + n - 1) % n]!;
    const p = pts[i]!;
    const next = pts[(i + 1) % n]!;
    // A circle of radius r touching both sides meets them r / tan(θ / 2) from the corner.
    const [ux, uy, vx, vy] = [prev.x - p.x, prev.y - p.y, next.x - p.x, next.y - p.y];
    const theta = Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / ((Math.hypot(ux, uy) || 1) * (Math.hypot(vx, vy) || 1)))));
    const cut = r / Math.tan(theta / 2);
    const toward = (q: { x: number; y: number }) => {
      const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      const k = Math.min(cut, len / 2) / len;
      return { x: p.x + (q.x - p.x) * k, y: p.y + (q.y - p.y) * k };
    };
    const a = toward(prev);
    const b = toward(next);
    d += `${i === 0 ? 'M' : 'L'}${f(a.x)},${f(a.y)}Q${f(p.x)},${f(p.y)} ${f(b.x)},${f(b.y)}`;
  }
  return `${d}Z`;
}

/** The outline of a node's shape centred at (x, y), as Cytoscape's canvas renderer draws it. */
export function shapePath(shape: string, x: number, y: number, w: number, h: number): string {
  const hw = w / 2;
  const hh = h / 2;
  if (shape === 'ellipse')
    return `M${f(x - hw)},${f(y)}A${f(hw)},${f(hh)} 0 1 0 ${f(x + hw)},${f(y)}A${f(hw)},${f(hh)} 0 1 0 ${f(x - hw)},${f(y)}Z`;
  if (shape === 'round-rectangle' || shape === 'roundrectangle') {
    const r = Math.min(w / 4, h / 4, 8);
    return `M${f(x - hw + r)},${f(y - hh)}H${f(x + hw - r)}Q${f(x + hw)},${f(y - hh)} ${f(x + hw)},${f(y - hh + r)}V${f(y + hh - r)}Q${f(x + hw)},${f(y + hh)} ${f(x + hw - r)},${f(y + hh)}H${f(x - hw + r)}Q${f(x - hw)},${f(y + hh)} ${f(x - hw)},${f(y + hh - r)}V${f(y - hh + r)}Q${f(x - hw)},${f(y - hh)} ${f(x - hw + r)},${f(y - hh)}Z`;
  }
  if (shape === 'barrel') {
    const ho = Math.min(15, 0.05 * h);
    const wo = Math.min(100, 0.25 * w);
    const c = 0.05 * wo;
    const [x0, x1, y0, y1] = [x - hw, x + hw, y - hh, y + hh];
    return `M${f(x0)},${f(y0 + ho)}L${f(x0)},${f(y1 - ho)}Q${f(x0 + c)},${f(y1)} ${f(x0 + wo)},${f(y1)}L${f(x1 - wo)},${f(y1)}Q${f(x1 - c)},${f(y1)} ${f(x1)},${f(y1 - ho)}L${f(x1)},${f(y0 + ho)}Q${f(x1 - c)},${f(y0)} ${f(x1 - wo)},${f(y0)}L${f(x0 + wo)},${f(y0)}Q${f(x0 + c)},${f(y0)} ${f(x0)},${f(y0 + ho)}Z`;
  }
  const round = shape.startsWith('round-');
  const unit = POLYGONS[round ? shape.slice(6) : shape] ?? POLYGONS.rectangle!;
  const pts: { x: number; y: number }[] = [];
  for (let i = 0; i < unit.length; i += 2) pts.push({ x: x + hw * unit[i]!, y: y + hh * unit[i + 1]! });
  return polygonPath(pts, round ? Math.min(w / 10, h / 10, 8) : 0);
}

const num = (v: unknown): number => (typeof v === 'number' ? v : parseFloat(String(v)) || 0);

interface LabelFont {
  css: string;
  size: number;
  weight: string;
  family: string;
  colour: string;
}

function labelFont(ele: NodeSingular | EdgeSingular): LabelFont {
  const size = num(ele.style('font-size'));
  const weight = String(ele.style('font-weight'));
  const family = String(ele.style('font-family'));
  return {
    css: `${String(ele.style('font-style'))} ${weight} ${size}px ${family}`,
    size,
    weight,
    family,
    colour: String(ele.style('color')),
  };
}

/**
 * Whether a label is drawn. The PNG export draws labels at its own scale, where every label of
 * our stylesheet is above its min-zoomed-font-size; the SVG is drawn at scale 1 and does the same.
 */
function labelShown(ele: NodeSingular | EdgeSingular): boolean {
  return String(ele.style('label') ?? '') !== '' && num(ele.style('text-opacity')) > 0;
}

let measureCtx: CanvasRenderingContext2D | null = null;
function measure(text: string, font: string): { width: number; descent: number } {
  measureCtx ??= document.createElement('canvas').getContext('2d')!;
  measureCtx.font = font;
  const m = measureCtx.measureText(text);
  return { width: m.width, descent: m.fontBoundingBoxDescent };
}

/**
 * Text with its background box, centred at (cx, cy) in a line box of height h (Cytoscape's label
 * height), rotated by `angle` radians. As Cytoscape does, the text's em box sits on the line box's
 * bottom (canvas textBaseline 'bottom'): the baseline is the font's descent above it.
 */
function labelSvg(
  ele: NodeSingular | EdgeSingular,
  text: string,
  cx: number,
  cy: number,
  angle: number,
  box?: { w: number; h: number },
): string {
  const font = labelFont(ele);
  const measured = measure(text, font.css);
  const { descent } = measured;
  const w = box?.w ?? measured.width;
  const h = box?.h ?? font.size;
  const pad = num(ele.style('text-background-padding'));
  const bgOpacity = num(ele.style('text-background-opacity'));
  const rotate = angle !== 0 ? ` transform="rotate(${f((angle * 180) / Math.PI)} ${f(cx)} ${f(cy)})"` : '';
  const bg =
    bgOpacity > 0
      ? `<rect x="${f(cx - w / 2 - pad)}" y="${f(cy - h / 2 - pad)}" width="${f(w + 2 * pad)}" height="${f(h + 2 * pad)}" fill="${esc(String(ele.style('text-background-color')))}" fill-opacity="${f(bgOpacity)}"/>`
      : '';
  const text_ = `<text x="${f(cx)}" y="${f(cy + h / 2 - descent)}" text-anchor="middle" font-family="${esc(font.family)}" font-size="${f(font.size)}" font-weight="${esc(font.weight)}" fill="${esc(font.colour)}">${esc(text)}</text>`;
  return `<g${rotate}>${bg}${text_}</g>`;
}

function nodeSvg(node: NodeSingular): string {
  const { x, y } = node.position();
  const w = node.width();
  const h = node.height();
  const shape = String(node.style('shape'));
  const opacity = node.effectiveOpacity();
  const d = shapePath(shape, x, y, w, h);
  const fill = String(node.style('background-color'));
  const parts: string[] = [];
  parts.push(`<path d="${d}" fill="${esc(fill)}" fill-opacity="${f(num(node.style('background-opacity')))}"/>`);
  const bw = num(node.style('border-width'));
  if (bw > 0) {
    const colour = esc(String(node.style('border-color')));
    parts.push(
      `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${f(bw)}" stroke-opacity="${f(num(node.style('border-opacity')))}"/>`,
    );
    // A double border: Cytoscape clears the middle third of the line.
    if (node.style('border-style') === 'double')
      parts.push(`<path d="${d}" fill="none" stroke="${esc(fill)}" stroke-width="${f(bw / 3)}"/>`);
  }
  const overlay = num(node.style('overlay-opacity'));
  if (overlay > 0) {
    const pad = num(node.style('overlay-padding'));
    parts.push(
      `<path d="${shapePath('round-rectangle', x, y, w + 2 * pad, h + 2 * pad)}" fill="${esc(String(node.style('overlay-color')))}" fill-opacity="${f(overlay)}"/>`,
    );
  }
  if (labelShown(node)) {
    const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never);
    // Cytoscape's label bounds are the text's box grown by the background padding and 2 px.
    const grown = num(node.style('text-background-padding')) + 2;
    if (box.w > 0)
      parts.push(
        labelSvg(node, String(node.style('label')), (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, 0, {
          w: box.w - 2 * grown,
          h: box.h - 2 * grown,
        }),
      );
  }
  return `<g opacity="${f(opacity)}" data-id="${esc(node.id())}">${parts.join('')}</g>`;
}

const quadAt = (p0: number, p1: number, p2: number, t: number) => (1 - t) * (1 - t) * p0 + 2 * (1 - t) * t * p1 + t * t * p2;

/** Cytoscape's points of an edge: source, control points with midpoints between them, target. */
function edgePoints(edge: EdgeSingular): Position[] {
  const src = edge.sourceEndpoint();
  const tgt = edge.targetEndpoint();
  const curve = String(edge.style('curve-style'));
  const cps = curve === 'haystack' || curve === 'straight' ? undefined : edge.controlPoints();
  if (!cps || cps.length === 0) return [src, tgt];
  const pts: Position[] = [src, cps[0]!];
  for (let i = 1; i < cps.length; i++) pts.push({ x: (cps[i - 1]!.x + cps[i]!.x) / 2, y: (cps[i - 1]!.y + cps[i]!.y) / 2 }, cps[i]!);
  pts.push(tgt);
  return pts;
}

function edgeSvg(edge: EdgeSingular): string {
  const pts = edgePoints(edge);
  const colour = esc(String(edge.style('line-color')));
  const width = num(edge.style('width'));
  let d = `M${f(pts[0]!.x)},${f(pts[0]!.y)}`;
  if (pts.length === 2) d += `L${f(pts[1]!.x)},${f(pts[1]!.y)}`;
  else for (let i = 1; i + 1 < pts.length; i += 2) d += `Q${f(pts[i]!.x)},${f(pts[i]!.y)} ${f(pts[i + 1]!.x)},${f(pts[i + 1]!.y)}`;
  const lineStyle = String(edge.style('line-style'));
  const dash = lineStyle === 'dashed' ? ' stroke-dasharray="6 3"' : lineStyle === 'dotted' ? ' stroke-dasharray="1 1"' : '';
  const parts = [`<path d="${d}" fill="none" stroke="${colour}" stroke-width="${f(width)}"${dash}/>`];
  if (edge.style('target-arrow-shape') === 'triangle' && pts.length >= 2) {
    const end = pts[pts.length - 1]!;
    let from = pts[pts.length - 2]!;
    if (pts.length > 2) {
      const [a, c] = [pts[pts.length - 3]!, pts[pts.length - 2]!];
      from = { x: quadAt(a.x, c.x, end.x, 0.9), y: quadAt(a.y, c.y, end.y, 0.9) };
    }
    const angle = Math.atan2(end.y - from.y, end.x - from.x) - Math.PI / 2;
    const size = Math.max(Math.pow(width * 13.37, 0.9), 29) * num(edge.style('arrow-scale'));
    const tri = [-0.15, -0.3, 0, 0, 0.15, -0.3];
    const corners: string[] = [];
    for (let i = 0; i < tri.length; i += 2) {
      const [px, py] = [tri[i]!, tri[i + 1]!];
      corners.push(
        `${f(end.x + (px * Math.cos(angle) - py * Math.sin(angle)) * size)},${f(end.y + (px * Math.sin(angle) + py * Math.cos(angle)) * size)}`,
      );
    }
    parts.push(`<path d="M${corners.join('L')}Z" fill="${esc(String(edge.style('target-arrow-color')))}"/>`);
  }
  if (labelShown(edge)) {
    const mid = edge.midpoint();
    const [a, b] = [pts[0]!, pts[pts.length - 1]!];
    let angle = edge.style('text-rotation') === 'autorotate' ? Math.atan2(b.y - a.y, b.x - a.x) : 0;
    if (angle > Math.PI / 2) angle -= Math.PI;
    if (angle < -Math.PI / 2) angle += Math.PI;
    parts.push(labelSvg(edge, String(edge.style('label')), mid.x, mid.y, angle));
  }
  return `<g opacity="${f(edge.effectiveOpacity())}" data-id="${esc(edge.id())}">${parts.join('')}</g>`;
}

/** Drawing order as Cytoscape's: edges under nodes, each group by z-index, then by insertion order. */
function byZ<T extends NodeSingular | EdgeSingular>(eles: T[]): T[] {
  return eles
    .map((e, i) => ({ e, i, z: num(e.style('z-index')) }))
    .sort((a, b) => a.z - b.z || a.i - b.i)
    .map((x) => x.e);
}

/** The whole drawn graph as an SVG document, on white, with the PNG export's bounds at scale 1. */
export function graphSvg(cy: Core): string {
  const bb = cy.elements().boundingBox();
  const w = Math.ceil(bb.w);
  const h = Math.ceil(bb.h);
  const visible = (e: NodeSingular | EdgeSingular) => e.visible() && e.effectiveOpacity() > 0;
  const edges = byZ(cy.edges().filter(visible).toArray() as EdgeSingular[]).map(edgeSvg);
  const nodes = byZ(cy.nodes().filter(visible).toArray() as NodeSingular[]).map(nodeSvg);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${f(bb.x1)} ${f(bb.y1)} ${w} ${h}">`,
    `<rect x="${f(bb.x1)}" y="${f(bb.y1)}" width="${w}" height="${h}" fill="#ffffff"/>`,
    ...edges,
    ...nodes,
    `</svg>`,
  ].join('\n');
}
