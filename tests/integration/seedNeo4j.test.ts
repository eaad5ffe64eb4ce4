import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed, type SeedGraph } from '../../server/src/seed/loadSeed.js';
import type { GraphRelation } from '../../server/src/domain/model.js';
import { compareStrings } from '../../server/src/domain/normalize.js';
import { neo4jTarget, openSharedNeo4jStore, type SharedNeo4jStore } from '../setup/neo4j.js';

const run = promisify(execFile);
const target = neo4jTarget();
const byId = (a: { id: string }, b: { id: string }) => compareStrings(a.id, b.id);

/** `npm run seed` into a real Neo4j: twice gives the same graph, and every fact keeps its sources. */
describe.skipIf(!target.uri)('npm run seed into Neo4j', () => {
  let shared: SharedNeo4jStore;
  let graph: SeedGraph;
  beforeAll(async () => {
    shared = await openSharedNeo4jStore();
    await shared.store.clear();
    graph = loadSeed();
  });
  afterAll(() => shared?.release());

  const seed = () =>
    run(process.execPath, ['--import', 'tsx', 'graph-seed/cli.ts', 'seed'], {
      env: { ...process.env, GRAPH_STORE: 'neo4j', NEO4J_URI: target.uri, CI: 'true' },
    });

  it('loads the seed graph, and loading it again leaves the same graph', async () => {
    const first = await seed();
    expect(first.stdout).toMatch(
      new RegExp(`^Loaded ${graph.nodes.length} nodes and ${graph.relations.length} relationships into Neo4j at ${target.uri} in `),
    );
    const stats = await shared.store.stats();
    expect(stats).toMatchObject({ nodeCount: graph.nodes.length, relationCount: graph.relations.length });
    await seed();
    expect(await shared.store.stats()).toEqual(stats);
  }, 60_000);

  it('keeps every node and relationship whole, sources included', async () => {
    const ids = graph.nodes.map((n) => n.id);
    expect(await shared.store.getNodes(ids)).toEqual(graph.nodes);
    const relations: GraphRelation[] = [];
    for (const id of ids) {
      const page = await shared.store.relations({ nodeId: id, direction: 'OUT', first: 10_000, offset: 0 });
      relations.push(...page.items.map((e) => e.relation));
    }
    expect(relations.sort(byId)).toEqual([...graph.relations].sort(byId));
  }, 60_000);
});
