import { request } from '../api/client.js';
import { graphql } from '../gql/index.js';
import type { MapLayerQuery as MapLayerResult } from '../gql/graphql.js';

export const MapLayerQuery = graphql(`
  query MapLayer {
    mapLayer {
      places {
        id
        name
        countryCode
        latitude
        longitude
        precision
      }
      links {
        partnership
        partnershipType
        a
        b
      }
      unplaced
    }
  }
`);

export type MapLayerData = MapLayerResult['mapLayer'];

let cached: Promise<MapLayerData> | null = null;

/**
 * The map's layer (every placed municipality and partnership), asked once per page: it does not
 * depend on the view, and the filters are applied to it in the browser. A failed answer is not kept.
 */
export function loadMapLayer(): Promise<MapLayerData> {
  if (!cached) {
    cached = request(MapLayerQuery, {}).then((r) => r.mapLayer);
    cached.catch(() => (cached = null));
  }
  return cached;
}
