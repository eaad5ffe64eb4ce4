import DataLoader from 'dataloader';
import { ANONYMOUS, type Principal } from './auth.js';
import type { GraphNode } from './domain/model.js';
import type { GraphAnalytics } from './store/GraphAnalytics.js';
import { RequestBudget } from './fairness/RequestBudget.js';
import { metricsFor, type BackgroundMetrics } from './metrics/BackgroundMetrics.js';
import type { GraphStore } from './store/GraphStore.js';
import type { GraphPorts } from './store/ports.js';

/** What every resolver sees: the two ports (data, analysis), and per-request batching loaders over the store. */
export interface AtlasContext {
  store: GraphStore;
  analytics: GraphAnalytics;
  nodes: DataLoader<string, GraphNode | null>;
  degrees: DataLoader<string, number>;
  /** Who is asking (from the Authorization header); anonymous readers without a token. */
  principal: Principal;
  /** What this request may still spend: its turns and deadline for expensive fields, list items. */
  budget: RequestBudget;
  /** Whole-graph metrics, computed in the background (one per analytics port). */
  metrics: BackgroundMetrics;
  /** The languages the request asks for (Accept-Language), best first, as primary subtags: what Node.name falls back on. */
  languages: readonly string[];
}

export function createContext(
  { store, analytics }: GraphPorts,
  principal: Principal = ANONYMOUS,
  budget: RequestBudget = new RequestBudget(principal.name),
  languages: readonly string[] = [],
): AtlasContext {
  return {
    languages,
    store,
    analytics,
    principal,
    budget,
    metrics: metricsFor(analytics),
    nodes: new DataLoader((ids) => store.getNodes(ids)),
    degrees: new DataLoader((ids) => store.getDegrees(ids)),
  };
}
