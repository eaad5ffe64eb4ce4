import DataLoader from 'dataloader';
import type { GraphNode } from './domain/model.js';
import type { GraphStore } from './store/GraphStore.js';

/** What every resolver sees: the port, and per-request batching loaders over it. */
export interface AtlasContext {
  store: GraphStore;
  nodes: DataLoader<string, GraphNode | null>;
  degrees: DataLoader<string, number>;
}

export function createContext(store: GraphStore): AtlasContext {
  return {
    store,
    nodes: new DataLoader((ids) => store.getNodes(ids)),
    degrees: new DataLoader((ids) => store.getDegrees(ids)),
  };
}
