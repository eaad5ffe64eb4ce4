import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import {
  countryNodeId,
  defaultRelationId,
  NODE_KINDS,
  RELATION_KINDS,
  type GraphNode,
  type GraphRelation,
  type NodeKind,
  type RelationKind,
} from '../../domain/model.js';
import {
  StoreWriteError,
  type ChangeQuery,
  type ChangeRecord,
  type ChangeResult,
  type ChangeSet,
  type GraphBatch,
  type GraphStats,
  type Overview,
  type OverviewGrouping,
  type OverviewQuery,
  type GraphStore,
  type IdListQuery,
  type ListQuery,
  type NeighborhoodQuery,
  type NeighbourPage,
  type NeighbourQuery,
  type NodeFilter,
  type Page,
  type RelatedEdge,
  type RelationQuery,
  type ScanOptions,
  type SearchHit,
  type SearchOptions,
  type Subgraph,
  type WriteOptions,
  type WriteResult,
  StoreUnavailableError,
} from '../GraphStore.js';
import { neighbourPage } from '../analysis/neighbours.js';
import { emptyTally, pairKey, rankTally, START_KINDS } from '../analysis/overview.js';
import { compareStrings, normalizeText, tokenize } from '../../domain/normalize.js';
import { maxEdits, scoreNames } from '../searchText.js';
import { pageOfSorted } from '../ranking.js';
import type { Neo4jConfig } from './config.js';
import {
  AWAIT_INDEXES,
  CLEAR,
  COUNT_RELATIONS_OF,
  CREATE_CHANGES,
  DETACH_DELETE_NODES,
  FIND_BY_NAMES,
  FIND_BY_WIKIDATA,
  GET_RELATIONS_OF_KIND,
  LIST_CHANGES,
  RELATIONS_OF_NODES,
  SCAN_NODES,
  SCAN_RELATIONS,
  CREATE_RELATIONS,
  DELETE_RELATIONS_ANY_KIND,
  EXISTING_IDS,
  GET_DEGREES,
  GET_NODES,
  MERGE_NODES,
  NEIGHBORHOOD_FIRST_LEVEL,
  NEIGHBORHOOD_LEVEL,
  RELATION_STATE,
  RELATION_TOTAL,
  RELATIONS,
  SEARCH_CANDIDATES,
  STATS,
  UPDATE_RELATIONS,
  listNodeIdsCypher,
  listNodesCypher,
  RELATIONS_AMONG,
  NEIGHBOURS,
} from './cypher.js';
import { createDriver, rows, type Row } from './driver.js';
import { BUMP_GRAPH_VERSION } from './analyticsCypher.js';
import { Neo4jAnalytics } from './Neo4jAnalytics.js';
import {
  OVERVIEW_COUNTRY_LINKS,
  OVERVIEW_COUNTRY_SIZES,
  OVERVIEW_KIND_LINKS,
  OVERVIEW_KIND_SIZES,
  OVERVIEW_NETWORK_LINKS,
  OVERVIEW_NETWORK_SIZES,
  OVERVIEW_STARTS,
} from './overviewCypher.js';
import { isConnectivityError, Neo4jConfigError, translateError, translateStartupError } from './errors.js';
import {
  fromNodeProperties,
  fromRelationProperties,
  relationColumns,
  toNodeProperties,
  toRelationRow,
  SCHEMA_STATEMENTS,
  type RelationRow,
} from '../propertyGraphModel.js';

/** Per grouping: the statement counting members per group, and the one counting links. */
const OVERVIEW_CYPHER: Record<OverviewGrouping, [string, string]> = {
  COUNTRY: [OVERVIEW_COUNTRY_SIZES, OVERVIEW_COUNTRY_LINKS],
  NETWORK: [OVERVIEW_NETWORK_SIZES, OVERVIEW_NETWORK_LINKS],
  KIND: [OVERVIEW_KIND_SIZES, OVERVIEW_KIND_LINKS],
};

export interface Neo4jStoreOptions {
  /** Records per UNWIND statement when writing. Default 5,000. */
  batchSize?: number;
  /** Largest bulkUpsert batch written in one transaction (all or nothing); larger ones commit per statement. Default 20,000. */
  transactionLimit?: number;
  /** Write transactions in flight at once for a larger batch. Default 2. */
  writeConcurrency?: number;
  /** Start-up progress ("not reachable, retrying in 2 s"). Default: console.warn. */
  log?: (line: string) => void;
}

/** A read gives up at the driver's retry limit (see read()), and never before this (time to connect at all, with retries off). */
const MIN_READ_WAIT_MS = 1_000;
/** During an outage, how long a failed probe's answer stands before the next read probes again. */
const PROBE_INTERVAL_MS = 500;

const list = <T>(values: readonly T[] | undefined): readonly T[] | null => (values && values.length > 0 ? values : null);

/**
 * The GraphStore port on a Neo4j server (single, cluster or hosted): every method is a bounded,
 * parameterised Cypher statement (or a few in one transaction), reads in read transactions so a
 * cluster can route them to any member. Answers are the embedded store's, in the same order:
 * tests/contract runs the same suite against both.
 *
 * Writes: see bulkUpsert. Errors: connectivity problems become StoreUnavailableError (the API's
 * SERVICE_UNAVAILABLE); the driver reconnects by itself when Neo4j is back.
 */
export class Neo4jGraphStore implements GraphStore {
  readonly name = 'neo4j';
  private readonly batchSize: number;
  /**
   * Set when a read found Neo4j unreachable, cleared when it answers again. Meanwhile reads do not
   * each retry for maxRetryTimeMs: they wait for one shared probe (reachable()), and fail at once
   * if it fails.
   */
  private outage: { probe: Promise<void>; probedAt: number } | undefined;
  /** How to give up each read whose transaction is running (see markOutage). */
  private readonly running = new Set<(e: StoreUnavailableError) => void>();
  private readonly transactionLimit: number;
  private readonly writeConcurrency: number;

  private constructor(
    private readonly driver: Driver,
    private readonly config: Neo4jConfig,
    options: Neo4jStoreOptions,
  ) {
    this.batchSize = options.batchSize ?? 5_000;
    this.transactionLimit = options.transactionLimit ?? 20_000;
    this.writeConcurrency = options.writeConcurrency ?? 2;
  }

  /**
   * Connects (retrying with backoff for config.connectRetryMs while Neo4j is unreachable, saying
   * so through `log`), then sets up constraints and indexes (idempotent). Rejects with a
   * StoreUnavailableError naming the URI and how to start Neo4j, or a Neo4jConfigError for wrong
   * credentials or database.
   */
  static async open(config: Neo4jConfig, options: Neo4jStoreOptions = {}): Promise<Neo4jGraphStore> {
    const log = options.log ?? ((line: string) => console.warn(line));
    const driver = createDriver(config);
    const store = new Neo4jGraphStore(driver, config, options);
    try {
      await store.connect(log);
      await store.ensureSchema();
      return store;
    } catch (e) {
      await driver.close().catch(() => {});
      throw translateStartupError(e, config.uri, config.database);
    }
  }

  private async connect(log: (line: string) => void): Promise<void> {
    const started = Date.now();
    let delay = 500;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.driver.verifyConnectivity({ database: this.config.database });
        if (attempt > 1) log(`Connected to Neo4j at ${this.config.uri}.`);
        return;
      } catch (e) {
        const translated = translateStartupError(e, this.config.uri, this.config.database);
        if (translated instanceof Neo4jConfigError) throw translated;
        if (Date.now() - started + delay > this.config.connectRetryMs) throw e;
        log(
          `${translated instanceof Error ? translated.message : String(translated)} Retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt}).`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }

  private async ensureSchema(): Promise<void> {
    for (const statement of SCHEMA_STATEMENTS) await this.write((tx) => tx.run(statement), { schema: true });
    await this.write((tx) => tx.run(AWAIT_INDEXES, { seconds: neo4j.int(300) }), { schema: true });
  }

  async getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    if (ids.length === 0) return [];
    const found = await this.read((tx) => this.nodesById(tx, [...new Set(ids)]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async getDegrees(ids: readonly string[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const result = await this.read((tx) => rows(tx, GET_DEGREES, { ids: [...new Set(ids)] }));
    const degrees = new Map(result.map((r) => [r.id as string, r.degree as number]));
    return ids.map((id) => degrees.get(id) ?? 0);
  }

  /**
   * Candidates come from the full-text index (every query token as a prefix of an indexed name
   * token: the same candidates as the embedded index), light rows only; they are ranked here by
   * scoreNames, and only the page's nodes are fetched.
   */
  async search(text: string, options: SearchOptions): Promise<Page<SearchHit>> {
    const query = normalizeText(text);
    const tokens = tokenize(text);
    if (tokens.length === 0) return emptyPage(options.offset);
    // Tokens are letters and digits only, so none is Lucene syntax; `*` makes each a prefix and
    // `~n` lets it match a whole token n edits away (scoreNames applies the same rule).
    const lucene = tokens.map((t) => (maxEdits(t) > 0 ? `(${t}* OR ${t}~${maxEdits(t)})` : `${t}*`)).join(' AND ');
    return this.read(async (tx) => {
      const candidates = await rows(tx, SEARCH_CANDIDATES, { query: lucene, kinds: list(options.kinds) });
      const scored: { id: string; sortName: string; score: number }[] = [];
      for (const c of candidates) {
        const score = scoreNames(query, tokens, c.names as string[], c.primary as number);
        if (score > 0) scored.push({ id: c.id as string, sortName: c.sortName as string, score });
      }
      const slice = pageOfSorted(
        scored,
        options.offset,
        options.first,
        (a, b) => b.score - a.score || compareStrings(a.sortName, b.sortName) || compareStrings(a.id, b.id),
      );
      const nodes = await this.nodesById(
        tx,
        slice.map((s) => s.id),
      );
      return {
        items: slice.map((s) => ({ node: nodes.get(s.id)!, score: s.score })),
        offset: options.offset,
        totalCount: scored.length,
        hasNextPage: options.offset + options.first < scored.length,
      };
    });
  }

  async listNodes(query: ListQuery): Promise<Page<GraphNode>> {
    const params = { ...filterParams(query.filter), kind: query.kind, offset: query.offset, first: query.first };
    const [row] = await this.read((tx) => rows(tx, listNodesCypher(query.kind, query.filter, query.sort), params));
    return pageOf((row!.items as Row[]).map(fromNodeProperties), query.offset, query.first, row!.totalCount as number);
  }

  async relations(query: RelationQuery): Promise<Page<RelatedEdge>> {
    const params = { id: query.nodeId, kinds: list(query.kinds), offset: query.offset, first: query.first };
    const [row] = await this.read((tx) => rows(tx, RELATIONS[query.direction], params));
    const items = (row!.items as Row[]).map((item) => ({
      relation: fromRelationProperties(item.relation as Row),
      other: fromNodeProperties(item.other as Row),
      direction: item.direction as 'OUT' | 'IN',
    }));
    return pageOf(items, query.offset, query.first, row!.totalCount as number);
  }

  /**
   * Breadth-first, one bounded statement per level (see NEIGHBORHOOD_LEVEL), all in one read
   * transaction. The first level also fetches the seeds, assuming they all exist (the API refuses
   * unknown seeds anyway); if one does not, the levels are run again from the seeds that do.
   */
  async neighborhood(query: NeighborhoodQuery): Promise<Subgraph> {
    const seeds = [...new Set(query.ids)].sort(compareStrings);
    const relationKinds = list(query.relationKinds);
    const nodeKinds = list(query.nodeKinds);
    return this.read(async (tx) => {
      let first: Row | undefined;
      let found: Map<string, GraphNode>;
      if (seeds.length <= query.limit) {
        [first] = await rows(tx, NEIGHBORHOOD_FIRST_LEVEL, {
          frontier: seeds,
          visited: seeds,
          room: query.limit - seeds.length,
          relationKinds,
          nodeKinds,
        });
        found = new Map((first!.seeds as Row[]).map((p) => [p.id as string, fromNodeProperties(p)]));
        if (found.size < seeds.length) first = undefined;
      } else found = await this.nodesById(tx, seeds);

      const nodes: GraphNode[] = [];
      const missingIds: string[] = [];
      let truncated = false;
      for (const id of seeds) {
        const node = found.get(id);
        if (!node) missingIds.push(id);
        else if (nodes.length < query.limit) nodes.push(node);
        else truncated = true;
      }
      const edges: GraphRelation[] = [];
      let frontier = nodes.map((n) => n.id);
      for (let d = 1; d <= query.depth && frontier.length > 0 && !truncated; d++) {
        const level =
          d === 1 && first
            ? first
            : (
                await rows(tx, NEIGHBORHOOD_LEVEL, {
                  frontier,
                  visited: nodes.map((n) => n.id),
                  room: query.limit - nodes.length,
                  relationKinds,
                  nodeKinds,
                })
              )[0]!;
        const added = (level.nodes as Row[]).map(fromNodeProperties);
        nodes.push(...added);
        for (const e of level.edges as Row[]) edges.push(fromRelationProperties(e));
        truncated = level.truncated as boolean;
        frontier = added.map((n) => n.id);
      }
      edges.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || compareStrings(a.id, b.id));
      return { nodes, edges, truncated, missingIds };
    });
  }

  /** The candidates in one statement (bounded by the node's degree), filtered, counted and paged as the embedded store does. */
  async neighbours(query: NeighbourQuery): Promise<NeighbourPage> {
    const result = await this.read((tx) => rows(tx, NEIGHBOURS, { id: query.id }));
    const candidates = result.map((r) => ({
      node: fromNodeProperties(r.node as Row),
      degree: r.degree as number,
      relations: (r.relations as Row[]).map(fromRelationProperties),
    }));
    return neighbourPage(candidates, query);
  }

  async overview(query: OverviewQuery): Promise<Overview> {
    const [sizesCypher, linksCypher] = OVERVIEW_CYPHER[query.groupBy];
    const { sizes, links, starts } = await this.read(async (tx) => ({
      sizes: await rows(tx, sizesCypher, {}),
      links: await rows(tx, linksCypher, {}),
      starts: (await rows(tx, OVERVIEW_STARTS, { first: neo4j.int(query.firstStarts) }))[0]!,
    }));
    const tally = emptyTally();
    for (const r of sizes) tally.size.set(r.key as string, r.size as number);
    for (const r of links) {
      if (r.a === r.b) tally.internal.set(r.a as string, r.weight as number);
      else tally.links.set(pairKey(r.a as string, r.b as string), r.weight as number);
    }
    const ranked = rankTally(tally, query);
    const nodeIds = query.groupBy === 'KIND' ? [] : ranked.groups.map((g) => (query.groupBy === 'COUNTRY' ? countryNodeId(g.key) : g.key));
    const nodes = await this.getNodes(nodeIds);
    const groups = ranked.groups.map((g, i) => {
      const node = nodes[i] ?? null;
      return { ...g, node: node && (query.groupBy === 'NETWORK' || node.kind === 'COUNTRY') ? node : null };
    });
    const startList = START_KINDS.flatMap((kind) =>
      (starts[kind] as Row[]).map((s) => ({ node: fromNodeProperties(s.node as Row), degree: s.degree as number })),
    );
    return { groups, links: ranked.links, groupCount: ranked.groupCount, starts: startList };
  }

  /** The same token the analysis caches and the metrics worker are keyed by. */
  graphVersion(): Promise<string> {
    return this.analytics.graphVersion();
  }

  async stats(): Promise<GraphStats> {
    const [row] = await this.read((tx) => rows(tx, STATS, {}));
    return {
      nodeCount: row!.nodeCount as number,
      relationCount: row!.relationCount as number,
      nodesByKind: row!.nodesByKind as Record<NodeKind, number>,
      relationsByKind: row!.relationsByKind as Record<RelationKind, number>,
    };
  }

  /**
   * GraphStore.bulkUpsert on Neo4j. Dangling endpoints are checked first, in one statement; then
   * nodes and relationships are written by kind in UNWIND statements of `batchSize` records,
   * upserted by id (running the same batch twice leaves the same graph).
   *
   * A batch of at most `transactionLimit` records (20,000) is one transaction: all or nothing. A
   * larger batch (a bulk load) commits statement by statement: it is idempotent and resumable (run
   * it again after a failure and it completes), not atomic; the port documents this contract.
   *
   * Into a store without relationships, relationships are created outright (the bulk-load path);
   * otherwise each is matched by id first, updated in place, or replaced when its kind or
   * endpoints changed.
   */
  async bulkUpsert(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteResult> {
    const nodesByKind = groupBy(lastById(batch.nodes), (n) => n.kind, toNodeProperties);
    const relationsByKind = groupBy(lastById(batch.relations), (r) => r.kind, toRelationRow);
    const total = batch.nodes.length + batch.relations.length;
    const result = { nodesWritten: batch.nodes.length, relationsWritten: batch.relations.length };
    let done = 0;
    const progress = (count: number) => {
      done += count;
      options.onProgress?.(Math.min(done, total), total);
    };

    const steps: ((tx: ManagedTransaction, fresh: boolean) => Promise<void>)[] = [];
    for (const [kind, props] of nodesByKind) {
      for (const chunk of chunks(props, this.batchSize)) {
        steps.push(async (tx) => {
          await tx.run(MERGE_NODES[kind as NodeKind], { rows: chunk });
          progress(chunk.length);
        });
      }
    }
    const nodeStepCount = steps.length;
    for (const [kind, relationRows] of relationsByKind) {
      for (const chunk of chunks(relationRows, this.batchSize)) {
        steps.push(async (tx, fresh) => {
          await this.writeRelations(tx, kind as RelationKind, chunk, fresh);
          progress(chunk.length);
        });
      }
    }

    if (total <= this.transactionLimit) {
      await this.write(async (tx) => {
        done = 0;
        await this.checkDangling(tx, batch);
        const fresh = await this.hasNoRelationships(tx);
        for (const step of steps) await step(tx, fresh);
      });
    } else {
      const fresh = await this.read(async (tx) => {
        await this.checkDangling(tx, batch);
        return this.hasNoRelationships(tx);
      });
      // Nodes before relationships; within each, a few transactions in flight keep Neo4j's cores busy
      // while the next batch is encoded (a deadlock between two is retried by executeWrite).
      const nodeSteps = steps.slice(0, nodeStepCount);
      for (const group of [nodeSteps, steps.slice(nodeStepCount)]) {
        await Promise.all(
          Array.from({ length: this.writeConcurrency }, async () => {
            for (let step = group.shift(); step; step = group.shift()) await this.write((tx) => step(tx, fresh));
          }),
        );
      }
    }
    if (total > 0) options.onProgress?.(total, total);
    return result;
  }

  /**
   * GraphStore.applyChanges on Neo4j: one write transaction, whatever the size (the driver retries
   * it whole on a transient failure). Checks first (what to delete exists, no relationship left
   * dangling), then the statements of bulkUpsert, in UNWIND chunks of `batchSize`.
   */
  async applyChanges(changes: ChangeSet, options: WriteOptions = {}): Promise<ChangeResult> {
    const deleteRelations = [...new Set(changes.deleteRelations ?? [])];
    const deleteNodes = [...new Set(changes.deleteNodes ?? [])];
    const putNodes = lastById(changes.putNodes ?? []);
    const putRelations = lastById(changes.putRelations ?? []);
    const nodesByKind = groupBy(putNodes, (n) => n.kind, toNodeProperties);
    const relationsByKind = groupBy(putRelations, (r) => r.kind, toRelationRow);
    const total = putNodes.length + putRelations.length;
    return this.write(async (tx) => {
      if (deleteRelations.length > 0) {
        const found = new Set((await this.relationsById(tx, deleteRelations)).keys());
        const missing = deleteRelations.find((id) => !found.has(id));
        if (missing !== undefined)
          throw new StoreWriteError('NOT_FOUND', `no relationship has the id "${missing}" to delete; nothing was written`);
      }
      if (deleteNodes.length > 0) {
        const [row] = await rows(tx, EXISTING_IDS, { ids: deleteNodes });
        const existing = new Set(row!.existing as string[]);
        const missing = deleteNodes.find((id) => !existing.has(id));
        if (missing !== undefined) throw new StoreWriteError('NOT_FOUND', `no node has the id "${missing}" to delete; nothing was written`);
      }
      await this.checkDangling(tx, { nodes: putNodes, relations: putRelations }, new Set(deleteNodes));
      let relationsDeleted = 0;
      if (deleteRelations.length > 0) {
        for (const statement of DELETE_RELATIONS_ANY_KIND) await tx.run(statement, { ids: deleteRelations });
        relationsDeleted += deleteRelations.length;
      }
      for (const chunk of chunks(deleteNodes, this.batchSize)) {
        const [row] = await rows(tx, COUNT_RELATIONS_OF, { ids: chunk });
        relationsDeleted += row!.count as number;
        await tx.run(DETACH_DELETE_NODES, { ids: chunk });
      }
      let done = 0;
      for (const [kind, props] of nodesByKind) {
        for (const chunk of chunks(props, this.batchSize)) {
          await tx.run(MERGE_NODES[kind as NodeKind], { rows: chunk });
          options.onProgress?.((done += chunk.length), total);
        }
      }
      for (const [kind, relationRows] of relationsByKind) {
        for (const chunk of chunks(relationRows, this.batchSize)) {
          await this.writeRelations(tx, kind as RelationKind, chunk, false);
          options.onProgress?.((done += chunk.length), total);
        }
      }
      const log = (changes.log ?? []).map(toChangeRow);
      for (const chunk of chunks(log, this.batchSize)) await tx.run(CREATE_CHANGES, { rows: chunk });
      return { nodesWritten: putNodes.length, relationsWritten: putRelations.length, nodesDeleted: deleteNodes.length, relationsDeleted };
    });
  }

  async getRelations(ids: readonly string[]): Promise<(GraphRelation | null)[]> {
    if (ids.length === 0) return [];
    const byId = await this.read((tx) => this.relationsById(tx, [...new Set(ids)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async relationsOfNodes(ids: readonly string[], kinds?: readonly RelationKind[]): Promise<GraphRelation[]> {
    if (ids.length === 0) return [];
    const result = await this.read((tx) => rows(tx, RELATIONS_OF_NODES, { ids: [...new Set(ids)], kinds: list(kinds) }));
    return result.map((r) => fromRelationProperties(r.relation as Row));
  }

  async relationsAmong(ids: readonly string[], kinds?: readonly RelationKind[]): Promise<GraphRelation[]> {
    if (ids.length === 0) return [];
    const result = await this.read((tx) => rows(tx, RELATIONS_AMONG, { ids: [...new Set(ids)], kinds: list(kinds) }));
    return result.map((r) => fromRelationProperties(r.relation as Row));
  }

  async listNodeIds(query: IdListQuery): Promise<Page<string>> {
    const params = {
      ...filterParams(query.filter),
      kinds: list(query.kinds),
      kindRank: KIND_RANK,
      offset: query.offset,
      first: query.first,
    };
    const [row] = await this.read((tx) => rows(tx, listNodeIdsCypher(query.filter), params));
    return pageOf(row!.items as string[], query.offset, query.first, row!.totalCount as number);
  }

  async findByNames(names: readonly string[], kinds?: readonly NodeKind[]): Promise<GraphNode[]> {
    const queries = [...new Set(names.map(normalizeText))]
      .filter((n) => n !== '')
      .map((name) => ({ name, lucene: name.split(' ').join(' AND ') }));
    if (queries.length === 0) return [];
    const found = new Map<string, GraphNode>();
    await this.read(async (tx) => {
      for (const chunk of chunks(queries, this.batchSize)) {
        for (const r of await rows(tx, FIND_BY_NAMES, { queries: chunk, kinds: list(kinds) })) {
          const node = fromNodeProperties(r.node as Row);
          found.set(node.id, node);
        }
      }
    });
    return [...found.values()].sort((a, b) => compareStrings(a.id, b.id));
  }

  async findByWikidata(qids: readonly string[]): Promise<GraphNode[]> {
    const unique = [...new Set(qids)];
    if (unique.length === 0) return [];
    const found = new Map<string, GraphNode>();
    await this.read(async (tx) => {
      for (const chunk of chunks(unique, this.batchSize)) {
        for (const r of await rows(tx, FIND_BY_WIKIDATA, { qids: chunk })) {
          const node = fromNodeProperties(r.node as Row);
          found.set(node.id, node);
        }
      }
    });
    return [...found.values()].sort((a, b) => compareStrings(a.id, b.id));
  }

  async *scan(options: ScanOptions): AsyncIterable<GraphBatch> {
    const kinds = list(options.kinds);
    for (let after = ''; ;) {
      const page = await this.read((tx) => rows(tx, SCAN_NODES, { after, kinds, limit: options.batchSize }));
      if (page.length === 0) break;
      const nodes = page.map((r) => fromNodeProperties(r.node as Row));
      yield { nodes, relations: [] };
      after = nodes.at(-1)!.id;
    }
    if (options.nodesOnly) return;
    for (const kind of RELATION_KINDS) {
      for (let after = ''; ;) {
        const page = await this.read((tx) => rows(tx, SCAN_RELATIONS[kind], { after, kinds, limit: options.batchSize }));
        if (page.length === 0) break;
        const relations = page.map((r) => fromRelationProperties(r.relation as Row));
        yield { nodes: [], relations };
        after = relations.at(-1)!.id;
      }
    }
  }

  async listChanges(query: ChangeQuery): Promise<Page<ChangeRecord>> {
    const [row] = await this.read((tx) =>
      rows(tx, LIST_CHANGES, { nodeId: query.nodeId ?? null, offset: query.offset, first: query.first }),
    );
    return pageOf((row!.items as Row[]).map(fromChangeRow), query.offset, query.first, row!.totalCount as number);
  }

  async clear(): Promise<void> {
    // CALL { } IN TRANSACTIONS needs an auto-commit transaction, hence session.run here.
    const session = this.driver.session({ database: this.config.database });
    try {
      await session.run(CLEAR);
    } catch (e) {
      throw translateError(e, this.config.uri, this.config.database);
    } finally {
      await session.close().catch(() => {});
    }
  }

  /** The analysis port over this database (store/ports.ts hands it out as ctx.analytics). */
  readonly analytics = new Neo4jAnalytics(
    (work) => this.read(work),
    (ids) => this.getNodes(ids),
  );

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async writeRelations(tx: ManagedTransaction, kind: RelationKind, chunk: RelationRow[], fresh: boolean): Promise<void> {
    if (fresh) {
      await tx.run(CREATE_RELATIONS[kind], relationColumns(chunk));
      return;
    }
    const state = await rows(tx, RELATION_STATE[kind], { rows: chunk.map(({ id, from, to }) => ({ id, from, to })) });
    const same = new Set(state.filter((s) => s.same).map((s) => s.id as string));
    const found = new Set(state.filter((s) => s.found).map((s) => s.id as string));
    const update = chunk.filter((r) => same.has(r.id));
    const create = chunk.filter((r) => !same.has(r.id));
    if (create.length > 0) {
      // Absent under this kind, or joining other nodes: drop whatever holds the id. Under this
      // kind the state says; another kind can hold it only for a custom id, since a default id
      // (<from>--<kind>--<to>) names its own kind: checking the other 16 kinds for every new
      // relationship was most of the cost of a large import.
      const elsewhere = create.filter((r) => found.has(r.id) || r.id !== defaultRelationId(kind, r.from, r.to)).map((r) => r.id);
      if (elsewhere.length > 0) for (const statement of DELETE_RELATIONS_ANY_KIND) await tx.run(statement, { ids: elsewhere });
      await tx.run(CREATE_RELATIONS[kind], relationColumns(create));
    }
    if (update.length > 0) await tx.run(UPDATE_RELATIONS[kind], { rows: update });
  }

  private async checkDangling(tx: ManagedTransaction, batch: GraphBatch, deleted: ReadonlySet<string> = new Set()): Promise<void> {
    const incoming = new Set(batch.nodes.map((n) => n.id));
    const outside = new Set<string>();
    for (const r of batch.relations) {
      if (!incoming.has(r.from)) outside.add(r.from);
      if (!incoming.has(r.to)) outside.add(r.to);
    }
    if (outside.size === 0) return;
    const [row] = await rows(tx, EXISTING_IDS, { ids: [...outside] });
    const existing = new Set(row!.existing as string[]);
    for (const r of batch.relations) {
      for (const end of [r.from, r.to]) {
        if (!incoming.has(end) && (!existing.has(end) || deleted.has(end))) {
          throw new StoreWriteError(
            'DANGLING_RELATION',
            `relationship "${r.id}" points at "${end}", which is neither in the store nor in the batch; nothing was written`,
          );
        }
      }
    }
  }

  private async hasNoRelationships(tx: ManagedTransaction): Promise<boolean> {
    const [row] = await rows(tx, RELATION_TOTAL, {});
    return row!.count === 0;
  }

  /** Relationships by id, whatever their kind: one index seek per id and kind. */
  private async relationsById(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, GraphRelation>> {
    const found = new Map<string, GraphRelation>();
    for (const kind of RELATION_KINDS) {
      for (const r of await rows(tx, GET_RELATIONS_OF_KIND[kind], { ids }))
        found.set((r.relation as Row).id as string, fromRelationProperties(r.relation as Row));
    }
    return found;
  }

  private async nodesById(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, GraphNode>> {
    if (ids.length === 0) return new Map();
    const result = await rows(tx, GET_NODES, { ids });
    return new Map(result.map((r) => [(r.node as Row).id as string, fromNodeProperties(r.node as Row)]));
  }

  /**
   * A read reaches Neo4j within the driver's retry limit (at least a second), or fails with
   * StoreUnavailableError, so that the API answers within the retry limit plus one second (the
   * documented promise; the second is for the rest of the request on a busy server): a
   * Neo4j that is gone, accepts connections but does not answer, or a pool whose connections all
   * hang, must not hold a request for the driver's longer timeouts. While a transaction runs, the
   * clock stops (a slow read is left to finish, unless another read finds Neo4j gone meanwhile:
   * markOutage); when the attempt fails, it runs on from where it was, so the driver's retries
   * after a lost connection stay within the same limit.
   */
  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    if (this.outage) await this.reachable();
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.READ });
    const limitMs = Math.max(MIN_READ_WAIT_MS, this.config.maxRetryTimeMs);
    const deadline = Date.now() + limitMs;
    let timer: NodeJS.Timeout | undefined;
    let giveUp!: (e: StoreUnavailableError) => void;
    const unreachable = new Promise<never>((_resolve, reject) => (giveUp = reject));
    const arm = () => {
      clearTimeout(timer);
      const message = `The graph database (Neo4j at ${this.config.uri}) cannot be reached: no connection within ${limitMs / 1000} s.`;
      timer = setTimeout(() => giveUp(new StoreUnavailableError(message)), Math.max(0, deadline - Date.now()));
    };
    arm();
    let timedOut = false;
    try {
      const attempt = async (tx: ManagedTransaction) => {
        clearTimeout(timer);
        this.running.add(giveUp);
        try {
          return await work(tx);
        } catch (e) {
          this.running.delete(giveUp);
          arm();
          // A connection lost mid-read: the other running reads will not be answered either. This
          // one goes on to the driver's retries, within its deadline.
          if (isConnectivityError(e)) this.markOutage(translateError(e, this.config.uri, this.config.database) as StoreUnavailableError);
          throw e;
        } finally {
          this.running.delete(giveUp);
        }
      };
      return await Promise.race([session.executeRead(attempt), unreachable]);
    } catch (e) {
      timedOut = e instanceof StoreUnavailableError;
      const translated = translateError(e, this.config.uri, this.config.database);
      if (translated instanceof StoreUnavailableError) this.markOutage(translated);
      throw translated;
    } finally {
      clearTimeout(timer);
      // After a timeout the session may still wait for its connection: close it without waiting.
      if (timedOut) void session.close().catch(() => {});
      else await session.close().catch(() => {});
    }
  }

  /**
   * Neo4j was found unreachable: the reads that follow wait for a probe (reachable()), and the
   * reads whose transaction is running are given up now: on a Neo4j that went away they would wait
   * for their connection to close (seconds, during a shutdown).
   */
  private markOutage(error: StoreUnavailableError): void {
    if (!this.outage) {
      this.outage = { probe: Promise.reject(error), probedAt: Date.now() };
      this.outage.probe.catch(() => {});
    }
    for (const giveUp of this.running) giveUp(error);
    this.running.clear();
  }

  /**
   * During an outage (see `outage`): resolves once Neo4j answers again, else fails with the last
   * probe's StoreUnavailableError. One probe (checkReady: at most a second) runs at a time and its
   * failure is reused for PROBE_INTERVAL_MS, so a burst of reads during an outage costs one
   * connection attempt, and each read fails within a second instead of retrying for maxRetryTimeMs.
   */
  private reachable(): Promise<void> {
    const outage = this.outage!;
    if (Date.now() - outage.probedAt >= PROBE_INTERVAL_MS) {
      outage.probedAt = Date.now();
      outage.probe = this.checkReady().then(() => {
        if (this.outage === outage) this.outage = undefined;
      });
      outage.probe.catch(() => {});
    }
    return outage.probe;
  }

  async checkReady(): Promise<void> {
    const limitMs = 1_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.driver.verifyConnectivity({ database: this.config.database }),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new StoreUnavailableError(
                  `The graph database (Neo4j at ${this.config.uri}) cannot be reached: no connection within ${limitMs / 1000} s.`,
                ),
              ),
            limitMs,
          );
        }),
      ]);
    } catch (e) {
      const translated = translateError(e, this.config.uri, this.config.database);
      const unavailable =
        translated instanceof StoreUnavailableError
          ? translated
          : new StoreUnavailableError(`The graph database (Neo4j at ${this.config.uri}) is not ready: ${(e as Error).message}`, {
              cause: e,
            });
      this.markOutage(unavailable);
      throw unavailable;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A write transaction; a data write (not `schema`) also renews the graph's version token. */
  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>, options: { schema?: boolean } = {}): Promise<T> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(async (tx) => {
        const result = await work(tx);
        // Analysis caches (peers) are valid for one version of the graph: every write renews it.
        if (!options.schema) await tx.run(BUMP_GRAPH_VERSION);
        return result;
      });
    } catch (e) {
      throw translateError(e, this.config.uri, this.config.database);
    } finally {
      await session.close().catch(() => {});
    }
  }
}

/** A change record as node properties: Neo4j has no null properties, so absent fields are left out. */
function toChangeRow(change: ChangeRecord): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(change)) if (value !== undefined && value !== null) row[key] = value;
  return row;
}

function fromChangeRow(row: Row): ChangeRecord {
  return {
    id: row.id as string,
    at: row.at as string,
    actor: row.actor as string,
    action: row.action as ChangeRecord['action'],
    subject: row.subject as string,
    nodeIds: (row.nodeIds as string[] | undefined) ?? [],
    before: (row.before as string | undefined) ?? null,
    after: (row.after as string | undefined) ?? null,
    ...(row.source !== undefined ? { source: row.source as string } : {}),
    summary: row.summary as string,
  };
}

/** The last record of each id, in first-seen order: later records replace earlier ones, as in the embedded store. */
function lastById<T extends { id: string }>(records: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const r of records) byId.set(r.id, r);
  return [...byId.values()];
}

function groupBy<T, K, V>(items: readonly T[], key: (item: T) => K, map: (item: T) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(map(item));
  }
  return groups;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function pageOf<T>(items: T[], offset: number, first: number, totalCount: number): Page<T> {
  return { items, offset, totalCount, hasNextPage: offset + first < totalCount };
}

function emptyPage<T>(offset: number): Page<T> {
  return { items: [], offset, totalCount: 0, hasNextPage: false };
}

/** Each kind's place in NODE_KINDS, the order listNodeIds promises. */
const KIND_RANK = Object.fromEntries(NODE_KINDS.map((kind, rank) => [kind, rank]));

/** The listNodes / listNodeIds parameters of a filter (null where a filter is not given). */
function filterParams(f: NodeFilter) {
  return {
    levels: list(f.levels),
    orgTypes: list(f.orgTypes),
    scopes: list(f.scopes),
    partnershipTypes: list(f.partnershipTypes),
    statuses: list(f.statuses),
    countries: list(f.countries),
    networkIds: list(f.networkIds),
    approachIds: list(f.approachIds),
    themeIds: list(f.themeIds),
    programIds: list(f.programIds),
    yearFrom: f.yearFrom ?? null,
    yearTo: f.yearTo ?? null,
  };
}
