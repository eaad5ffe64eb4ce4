import type { GraphStore, WriteOptions, WriteResult } from '../store/GraphStore.js';
import { loadSeed, DEFAULT_SEED_DIR, type SeedGraph } from './loadSeed.js';

/**
 * Loads the seed graph into a store, through the port like any other writer. The files are
 * validated whole first (loadSeed throws on any problem), so a bad seed writes nothing.
 */
export async function seedStore(store: GraphStore, options: WriteOptions & { dir?: string; graph?: SeedGraph } = {}): Promise<WriteResult> {
  const graph = options.graph ?? loadSeed(options.dir ?? DEFAULT_SEED_DIR);
  return store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations }, options);
}
