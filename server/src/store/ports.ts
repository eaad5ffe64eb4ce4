import type { GraphAnalytics } from './GraphAnalytics.js';
import type { GraphStore } from './GraphStore.js';

/** The two ports the API serves from, over one graph: data (ctx.store) and analysis (ctx.analytics). */
export interface GraphPorts {
  store: GraphStore;
  analytics: GraphAnalytics;
}

/** An adapter: a GraphStore that also supplies the analysis port over the same graph. */
export type GraphAdapter = GraphStore & { readonly analytics: GraphAnalytics };

/** The ports of an opened adapter (openStore.ts, and tests that open an adapter themselves). */
export function portsOf(adapter: GraphAdapter): GraphPorts {
  return { store: adapter, analytics: adapter.analytics };
}
