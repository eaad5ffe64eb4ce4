/**
 * Where new nodes go: on rings around the node they hang from, in free spots only, so nothing
 * drawn is covered and nothing new covers anything. Pure: discs in, positions out.
 */

export interface Disc {
  x: number;
  y: number;
  /** Radius, model pixels. */
  r: number;
}

export interface Placed {
  id: string;
  x: number;
  y: number;
}

/**
 * Spatial hash of discs, for "does this spot touch anything?" in constant time per neighbour cell.
 * Any cell size gives the same answers; about a disc's diameter keeps the cells short.
 */
export class DiscGrid {
  private readonly cells = new Map<string, Disc[]>();
  constructor(private readonly cell: number) {}

  private key(cx: number, cy: number): string {
    return `${cx},${cy}`;
  }

  add(d: Disc): void {
    const x0 = Math.floor((d.x - d.r) / this.cell);
    const x1 = Math.floor((d.x + d.r) / this.cell);
    const y0 = Math.floor((d.y - d.r) / this.cell);
    const y1 = Math.floor((d.y + d.r) / this.cell);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(d);
        else this.cells.set(k, [d]);
      }
    }
  }

  /** Whether a disc at (x, y) of radius r comes closer than `gap` to any disc in the grid. */
  hits(x: number, y: number, r: number, gap: number): boolean {
    const reach = r + gap;
    const x0 = Math.floor((x - reach) / this.cell);
    const x1 = Math.floor((x + reach) / this.cell);
    const y0 = Math.floor((y - reach) / this.cell);
    const y1 = Math.floor((y + reach) / this.cell);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        for (const d of this.cells.get(this.key(cx, cy)) ?? []) {
          if (Math.hypot(d.x - x, d.y - y) < d.r + r + gap) return true;
        }
      }
    }
    return false;
  }
}

export interface RingOptions {
  /** Free space kept between two discs, model pixels (room for a label under a node). */
  gap?: number;
}

/**
 * Places `items` (in the order given: the first nearest) on rings around `centre`, each on the
 * first free slot of the innermost ring with room, never closer than `gap` to the centre, to an
 * obstacle or to an item placed before it. Rings are as far apart as the largest item needs.
 */
export function ringPlacement(
  centre: Disc,
  items: readonly { id: string; r: number }[],
  obstacles: readonly Disc[] | DiscGrid,
  options: RingOptions = {},
): Placed[] {
  const gap = options.gap ?? 16;
  if (items.length === 0) return [];
  const maxR = Math.max(...items.map((i) => i.r));
  const step = 2 * maxR + gap;
  // A grid passed in is shared by several placements (one per anchor): what this one places is
  // added to it, so the next sees it, and nobody rebuilds it from every drawn node each time.
  let grid: DiscGrid;
  if (obstacles instanceof DiscGrid) grid = obstacles;
  else {
    grid = new DiscGrid(Math.max(step, 1));
    for (const o of obstacles) grid.add(o);
  }
  grid.add(centre);
  const out: Placed[] = [];
  let next = 0;
  for (let ring = 1; next < items.length; ring++) {
    const radius = centre.r + gap + maxR + (ring - 1) * step;
    const slots = Math.max(6, Math.floor((2 * Math.PI * radius) / step));
    // Start each ring half a slot on, so rings do not line up into spokes.
    const offset = (ring % 2) * (Math.PI / slots) - Math.PI / 2;
    for (let s = 0; s < slots && next < items.length; s++) {
      const angle = offset + (2 * Math.PI * s) / slots;
      const item = items[next]!;
      const x = centre.x + radius * Math.cos(angle);
      const y = centre.y + radius * Math.sin(angle);
      if (grid.hits(x, y, item.r, gap)) continue;
      grid.add({ x, y, r: item.r });
      out.push({ id: item.id, x, y });
      next++;
    }
  }
  return out;
}

/** Pairs of discs that overlap (closer than the sum of their radii): 0 for a readable drawing. */
export function countOverlaps(discs: readonly Disc[]): number {
  if (discs.length < 2) return 0;
  const maxR = Math.max(...discs.map((d) => d.r));
  const grid = new Map<string, number[]>();
  const cell = Math.max(2 * maxR, 1);
  discs.forEach((d, i) => {
    const k = `${Math.floor(d.x / cell)},${Math.floor(d.y / cell)}`;
    (grid.get(k) ?? grid.set(k, []).get(k)!).push(i);
  });
  let overlaps = 0;
  discs.forEach((d, i) => {
    const cx = Math.floor(d.x / cell);
    const cy = Math.floor(d.y / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (j <= i) continue;
          const e = discs[j]!;
          if (Math.hypot(d.x - e.x, d.y - e.y) < d.r + e.r) overlaps++;
        }
      }
    }
  });
  return overlaps;
}
