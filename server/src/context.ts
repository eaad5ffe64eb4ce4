import DataLoader from 'dataloader';
import { ANONYMOUS, type Principal } from './auth.js';
import type { GraphNode } from './domain/model.js';
import type { GraphStore } from './store/GraphStore.js';

/** What every resolver sees: the port (data and analysis), and per-request batching loaders over it. */
export interface AtlasContext {
  store: GraphStore;
  nodes: DataLoader<string, GraphNode | null>;
  degrees: DataLoader<string, number>;
  /** Who is asking (from the Authorization header); anonymous readers without a token. */
  principal: Principal;
}

export function createContext(store: GraphStore, principal: Principal = ANONYMOUS): AtlasContext {
  return {
    store,
    principal,
    nodes: new DataLoader((ids) => store.getNodes(ids)),
    degrees: new DataLoader((ids) => store.getDegrees(ids)),
  };
}

