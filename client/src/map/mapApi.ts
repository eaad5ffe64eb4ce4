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

const cached = new Map<string, Promise<MapLayerData>>();

/**
 * The map's layer (every placed municipality and partnership), asked once per page and language
 * (the places are named in it): it does not depend on the view, and the filters are applied to it
 * in the browser. A failed answer is not kept.
 */
export function loadMapLayer(language: string): Promise<MapLayerData> {
  let layer = cached.get(language);
  if (!layer) {
    // The request's Accept-Language is the active language (api/client.ts).
    layer = request(MapLayerQuery, {}).then((r) => r.mapLayer);
    cached.set(language, layer);
    layer.catch(() => cached.delete(language));
  }
  return layer;
}
