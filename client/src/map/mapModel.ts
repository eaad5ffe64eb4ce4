import type { NodeKind, RelationKind } from '../gql/graphql.js';
import type { FilterMatch } from '../graph/model.js';
import type { MapLayerData } from './mapApi.js';

/**
 * The map's pure model: the layer projected once into world coordinates (typed arrays, so 17k
 * places and 25k links stay cheap), the filters applied, and grid clustering per zoom level.
 * No canvas, no DOM: everything is a function of its arguments.
 */

export interface ProjectedLayer {
  ids: readonly string[];
  names: readonly string[];
  x: Float32Array;
  y: Float32Array;
  /** 1 where the place is approximate (country centre or partners' mean), 0 where exact. */
  approx: Uint8Array;
  indexOf: ReadonlyMap<string, number>;
  linkA: Uint32Array;
  linkB: Uint32Array;
  linkPartnership: readonly string[];
}

export type Projector = (lngLat: [number, number]) => [number, number] | null;

export function projectLayer(layer: MapLayerData, project: Projector): ProjectedLayer {
  const n = layer.places.length;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const approx = new Uint8Array(n);
  const indexOf = new Map<string, number>();
  layer.places.forEach((p, i) => {
    const xy = project([p.longitude, p.latitude]) ?? [0, 0];
    x[i] = xy[0];
    y[i] = xy[1];
    approx[i] = p.precision === 'EXACT' ? 0 : 1;
    indexOf.set(p.id, i);
  });
  const m = layer.links.length;
  const linkA = new Uint32Array(m);
  const linkB = new Uint32Array(m);
  layer.links.forEach((l, i) => {
    linkA[i] = l.a;
    linkB[i] = l.b;
  });
  return {
    ids: layer.places.map((p) => p.id),
    names: layer.places.map((p) => p.name),
    x,
    y,
    approx,
    indexOf,
    linkA,
    linkB,
    linkPartnership: layer.links.map((l) => l.partnership),
  };
}

export interface MapFilters {
  hiddenNodeKinds: readonly NodeKind[];
  hiddenRelationKinds: readonly RelationKind[];
  /** The attribute filters' answer (null: none active). */
  match: FilterMatch | null;
}

/** What is drawn: indices of kept places and links. */
export interface MapScene {
  places: Uint32Array;
  links: Uint32Array;
}

/**
 * The graph view's filters on the map: municipalities unless their kind is hidden, and only those
 * the attribute filters keep; a partnership's link when both places are drawn, partnerships and
 * PARTY_TO are not hidden, and the attribute filters keep it.
 */
export function applyFilters(layer: ProjectedLayer, f: MapFilters): MapScene {
  const keep = new Uint8Array(layer.ids.length);
  const places: number[] = [];
  if (!f.hiddenNodeKinds.includes('MUNICIPALITY')) {
    for (let i = 0; i < layer.ids.length; i++) {
      if (f.match && !f.match.has(layer.ids[i]!)) continue;
      keep[i] = 1;
      places.push(i);
    }
  }
  const links: number[] = [];
  if (!f.hiddenNodeKinds.includes('PARTNERSHIP') && !f.hiddenRelationKinds.includes('PARTY_TO')) {
    for (let i = 0; i < layer.linkA.length; i++) {
      if (!keep[layer.linkA[i]!] || !keep[layer.linkB[i]!]) continue;
      if (f.match && !f.match.has(layer.linkPartnership[i]!)) continue;
      links.push(i);
    }
  }
  return { places: Uint32Array.from(places), links: Uint32Array.from(links) };
}

/** Places grouped in cells of a grid; a cluster of one is a place drawn on its own. */
export interface Clustering {
  /** Cluster centre (mean of its places), count, and its place when count is 1 (else -1). */
  cx: Float32Array;
  cy: Float32Array;
  count: Uint32Array;
  single: Int32Array;
  /** Links between clusters: ends, number of partnerships, and the link when there is one (else -1). */
  edgeA: Uint32Array;
  edgeB: Uint32Array;
  edgeCount: Uint32Array;
  edgeSingle: Int32Array;
}

/**
 * Grid clustering in world units: places in the same `cell` x `cell` square form one cluster, and
 * links between two clusters are merged into one weighted edge (links inside a cluster are not
 * drawn). Order: clusters by first place in the scene, edges by first link.
 * With `radius` (a cluster's drawn radius for its count, in world units), clusters whose discs
 * would overlap are merged, the largest first, so that no two drawn clusters cover each other.
 */
export function cluster(layer: ProjectedLayer, scene: MapScene, cell: number, radius?: (count: number) => number): Clustering {
  const byCell = new Map<number, number>();
  const clusterOf = new Int32Array(layer.ids.length).fill(-1);
  const sx: number[] = [];
  const sy: number[] = [];
  const count: number[] = [];
  const single: number[] = [];
  const cells: [number, number][] = [];
  for (const p of scene.places) {
    const gx = Math.floor(layer.x[p]! / cell);
    const gy = Math.floor(layer.y[p]! / cell);
    const key = gx * 1_000_003 + gy;
    let c = byCell.get(key);
    if (c === undefined) {
      c = count.length;
      byCell.set(key, c);
      cells.push([gx, gy]);
      sx.push(0);
      sy.push(0);
      count.push(0);
      single.push(p);
    }
    sx[c]! += layer.x[p]!;
    sy[c]! += layer.y[p]!;
    count[c]!++;
    if (count[c]! > 1) single[c] = -1;
    clusterOf[p] = c;
  }
  if (radius) mergeOverlapping(byCell, cells, cell, sx, sy, count, single, clusterOf, radius);
  const cx = Float32Array.from(sx, (s, i) => s / count[i]!);
  const cy = Float32Array.from(sy, (s, i) => s / count[i]!);
  const byPair = new Map<number, number>();
  const ea: number[] = [];
  const eb: number[] = [];
  const ec: number[] = [];
  const es: number[] = [];
  for (const l of scene.links) {
    let a = clusterOf[layer.linkA[l]!]!;
    let b = clusterOf[layer.linkB[l]!]!;
    if (a === b) continue;
    if (a > b) [a, b] = [b, a];
    const key = a * count.length + b;
    const e = byPair.get(key);
    if (e === undefined) {
      byPair.set(key, ea.length);
      ea.push(a);
      eb.push(b);
      ec.push(1);
      es.push(l);
    } else {
      ec[e]!++;
      es[e] = -1;
    }
  }
  return {
    cx,
    cy,
    count: Uint32Array.from(count),
    single: Int32Array.from(single),
    edgeA: Uint32Array.from(ea),
    edgeB: Uint32Array.from(eb),
    edgeCount: Uint32Array.from(ec),
    edgeSingle: Int32Array.from(es),
  };
}

/**
 * Merges grid clusters whose discs overlap: each cluster, the largest first, takes in those near
 * it (in the cells around it) that its disc or theirs would touch; the arrays are compacted in
 * place, in the order of the clusters kept, and `clusterOf` follows.
 */
function mergeOverlapping(
  byCell: Map<number, number>,
  cells: readonly [number, number][],
  cell: number,
  sx: number[],
  sy: number[],
  count: number[],
  single: number[],
  clusterOf: Int32Array,
  radius: (count: number) => number,
): void {
  const n = count.length;
  // into: the cluster each was merged into (itself while kept); root follows merges of merges.
  const into = Int32Array.from({ length: n }, (_, i) => i);
  const root = (c: number): number => {
    while (into[c] !== c) c = into[c] = into[into[c]!]!;
    return c;
  };
  // Two of the largest discs touch this many cells apart.
  const reach = Math.ceil((2 * radius(Number.MAX_SAFE_INTEGER)) / cell);
  const order = [...count.keys()].sort((a, b) => count[b]! - count[a]! || a - b);
  for (const i of order) {
    if (into[i] !== i) continue;
    const [gx, gy] = cells[i]!;
    for (let dx = -reach; dx <= reach; dx++)
      for (let dy = -reach; dy <= reach; dy++) {
        const j = byCell.get((gx + dx) * 1_000_003 + (gy + dy));
        if (j === undefined || j === i || into[j] !== j) continue;
        const d = Math.hypot(sx[i]! / count[i]! - sx[j]! / count[j]!, sy[i]! / count[i]! - sy[j]! / count[j]!);
        if (d >= radius(count[i]!) + radius(count[j]!)) continue;
        into[j] = i;
        sx[i]! += sx[j]!;
        sy[i]! += sy[j]!;
        count[i]! += count[j]!;
        single[i] = -1;
      }
  }
  const index = new Int32Array(n).fill(-1);
  let kept = 0;
  for (let c = 0; c < n; c++) {
    if (into[c] !== c) continue;
    index[c] = kept;
    sx[kept] = sx[c]!;
    sy[kept] = sy[c]!;
    count[kept] = count[c]!;
    single[kept] = single[c]!;
    kept++;
  }
  sx.length = sy.length = count.length = single.length = kept;
  for (let p = 0; p < clusterOf.length; p++) if (clusterOf[p]! >= 0) clusterOf[p] = index[root(clusterOf[p]!)]!;
}

/** The links of one place in the scene, and the places at their other ends. */
export function linksOf(layer: ProjectedLayer, scene: MapScene, place: number): { links: number[]; partners: number[] } {
  const links: number[] = [];
  const partners: number[] = [];
  for (const l of scene.links) {
    if (layer.linkA[l] === place) {
      links.push(l);
      partners.push(layer.linkB[l]!);
    } else if (layer.linkB[l] === place) {
      links.push(l);
      partners.push(layer.linkA[l]!);
    }
  }
  return { links, partners };
}

/** A quadratic arc's control point: bent to the left of a -> b by a fifth of its length. */
export function arcControl(ax: number, ay: number, bx: number, by: number): [number, number] {
  return [(ax + bx) / 2 - (by - ay) * 0.2, (ay + by) / 2 + (bx - ax) * 0.2];
}
