import type { GraphNode, GraphRelation } from '../../server/src/domain/model.js';
import type { GraphStore } from '../../server/src/store/GraphStore.js';

/** Every node and relationship of a store, in the scan's order (nodes by id; relationships by kind, id). */
export async function wholeGraph(store: GraphStore): Promise<{ nodes: GraphNode[]; relations: GraphRelation[] }> {
  const nodes: GraphNode[] = [];
  const relations: GraphRelation[] = [];
  for await (const batch of store.scan({ batchSize: 1000 })) {
    nodes.push(...batch.nodes);
    relations.push(...batch.relations);
  }
  return { nodes, relations };
}
