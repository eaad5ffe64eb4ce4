import { geoNaturalEarth1, geoPath, type GeoContext, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The offline base map (ADR 0013): Natural Earth 1:50m country outlines from the world-atlas
 * package, projected once with d3-geo's Natural Earth projection into Path2D objects in world
 * units; the canvas draws them under a pan/zoom transform, so a frame never re-projects.
 */

/** The world's width in world units; heights follow the projection's aspect. */
export const WORLD_WIDTH = 1000;

export interface Basemap {
  projection: GeoProjection;
  /** The globe's outline (the ocean). */
  sphere: Path2D;
  land: Path2D;
  borders: Path2D;
  height: number;
}

export function worldProjection(): GeoProjection {
  const projection = geoNaturalEarth1();
  projection.fitWidth(WORLD_WIDTH, { type: 'Sphere' });
  return projection;
}

export async function loadBasemap(): Promise<Basemap> {
  // A chunk of its own: only the map view pays for the outlines.
  const topo = (await import('world-atlas/countries-50m.json')).default as unknown as Topology<{ countries: GeometryCollection }>;
  const projection = worldProjection();
  const draw = (geometry: Parameters<ReturnType<typeof geoPath>>[0]) => {
    const path = new Path2D();
    // Path2D has every method d3-geo draws with but beginPath, which a Path2D does not need.
    const context: GeoContext = {
      beginPath() {},
      moveTo: (x, y) => path.moveTo(x, y),
      lineTo: (x, y) => path.lineTo(x, y),
      closePath: () => path.closePath(),
      arc: (x, y, r, a0, a1) => path.arc(x, y, r, a0, a1),
    };
    geoPath(projection, context)(geometry);
    return path;
  };
  const bounds = geoPath(projection).bounds({ type: 'Sphere' });
  return {
    projection,
    sphere: draw({ type: 'Sphere' }),
    land: draw(feature(topo, topo.objects.countries)),
    borders: draw(mesh(topo, topo.objects.countries, (a, b) => a !== b)),
    height: bounds[1][1] - bounds[0][1],
  };
}
