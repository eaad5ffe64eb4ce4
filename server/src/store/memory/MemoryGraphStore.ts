import { randomUUID } from 'node:crypto';
import { NODE_KINDS, RELATION_KINDS, type GraphNode, type GraphRelation, type NodeKind, type RelationKind } from '../../domain/model.js';
import {
  StoreWriteError,
  type ChangeQuery,
  type ChangeRecord,
  type ChangeResult,
  type ChangeSet,
  type GraphBatch,
  type GraphStats,
  type Overview,
  type OverviewQuery,
  type GraphStore,
  type IdListQuery,
  type ListQuery,
  type NeighborhoodQuery,
  type NeighbourPage,
  type NeighbourQuery,
  type Page,
  type RelatedEdge,
  type RelationQuery,
  type ScanOptions,
  type SearchHit,
  type SearchOptions,
  type Subgraph,
  type WriteOptions,
  type WriteResult,
} from '../GraphStore.js';
import { compareStrings, normalizeText, tokenize } from '../../domain/normalize.js';
import { scoreNames, searchNamesOf } from '../searchText.js';
import { runAll, runSliced, timeSlicer, type Slicer } from '../../timeSlicer.js';
import { AdjacencyGraph } from './AdjacencyGraph.js';
import { DataDirectory, type GraphState } from './DataDirectory.js';
import { MemoryAnalytics } from './MemoryAnalytics.js';
import { neighborhoodOf } from './neighborhood.js';
import { overviewOf } from './overview.js';
import { neighbourPage, type NeighbourCandidate } from '../analysis/neighbours.js';
import { matchesFilter } from './listFilter.js';
import { compareForSort } from './listSort.js';
import { SearchIndex } from './SearchIndex.js';
import { pageOfSorted } from '../ranking.js';

/**
 * Change sets of more records than this are applied to a copy of the graph, in slices, and the copy
 * then takes the graph's place; smaller ones (an edit) are applied in place at once.
 */
const IN_PLACE_MAX = 1_000;

/**
 * The embedded store: the whole graph in this process, as incidence lists over the domain objects
 * themselves (no copies), plus a token index for search and the ids of each kind.
 * Reads never mutate; writes validate the whole batch before touching anything.
 *
 * In memory only by default; opened on a data directory (MemoryGraphStore.open) every write is
 * first made durable in the directory's journal, then applied (see DataDirectory.ts).
 *
 * Writes run one at a time and never hold the event loop for long (docs/adr/0023): validation,
 * the journal record and its fsync proceed in slices that let requests run between them; a large
 * change set is applied to a copy of the graph and its indexes, made and changed in slices while
 * readers keep reading the graph as it was, and the copy then takes its place in one step. A
 * reader so sees the graph before the change or after it, never a part of it.
 */
export class MemoryGraphStore implements GraphStore {
  readonly name = 'memory';
  readonly graph = new AdjacencyGraph();
  /** Bumped by every write; analysis caches are valid for one version. */
  private version = 0;
  /** Tells this store's versions from another's (or an earlier process's) with the same counter. */
  private readonly instance = randomUUID();
  /** The analysis port over this graph (store/ports.ts hands it out as ctx.analytics). */
  readonly analytics = new MemoryAnalytics(
    this.graph,
    () => this.version,
    (id) => this.sortName(id),
  );
  private readonly searchIndex = new SearchIndex();
  private searchCache: { version: number; hits: Map<string, Promise<ScoredSearch>> } = { version: -1, hits: new Map() };
  private idsByKind = new Map<NodeKind, Set<string>>(NODE_KINDS.map((k) => [k, new Set<string>()]));
  private sortNames = new Map<string, string>();
  /** QID -> the ids of the nodes that carry it (one, unless two nodes were given the same). */
  private idsByWikidata = new Map<string, Set<string>>();
  private changes: ChangeRecord[] = [];
  private changesByNode = new Map<string, ChangeRecord[]>();
  private dataDirectory: DataDirectory | undefined;
  /** The write under way (writes run one at a time: a commit and its apply end before the next begins). */
  private writing: Promise<unknown> = Promise.resolve();

  /**
   * A store on a data directory: the persisted graph when the directory holds one (`existed`),
   * else an empty store that persists from now on (the caller seeds it). Refuses a directory
   * another live process holds.
   */
  static async open(dir: string): Promise<{ store: MemoryGraphStore; existed: boolean; droppedBytes: number }> {
    const directory = DataDirectory.open(dir);
    try {
      const recovered = await directory.recover();
      const store = new MemoryGraphStore();
      store.load(recovered.nodes, recovered.relations);
      for (const c of recovered.changes) store.appendChange(c);
      for (const entry of recovered.journal) {
        if (entry.clear) store.resetInMemory();
        else runAll(store.applying(entry.set));
      }
      await directory.attach(() => store.state(), recovered.existed);
      if (recovered.journal.length > 0) await directory.compact(store.state());
      store.dataDirectory = directory;
      return { store, existed: recovered.existed, droppedBytes: recovered.droppedBytes };
    } catch (e) {
      directory.close();
      throw e;
    }
  }

  /** Where the store persists, or undefined when it lives in memory only. */
  get dataDir(): string | undefined {
    return this.dataDirectory?.dir;
  }

  async getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.map((id) => this.node(id));
  }

  async getDegrees(ids: readonly string[]): Promise<number[]> {
    return ids.map((id) => this.graph.degree(id));
  }

  async search(text: string, options: SearchOptions): Promise<Page<SearchHit>> {
    const query = normalizeText(text);
    const queryTokens = tokenize(text);
    if (queryTokens.length === 0) return emptyPage(options.offset);
    const { hits, pages } = await this.searchHits(query, queryTokens, options.kinds);
    // Aliases of one search ask for the same page: ranked once.
    const pageKey = `${options.offset}:${options.first}`;
    let page = pages.get(pageKey);
    if (!page) {
      page = pageOfSorted(
        hits,
        options.offset,
        options.first,
        (a, b) => b.score - a.score || compareStrings(a.sortName, b.sortName) || compareStrings(a.node.id, b.node.id),
      );
      pages.set(pageKey, page);
    }
    return {
      items: page.map((h) => ({ node: h.node, score: h.score })),
      offset: options.offset,
      totalCount: hits.length,
      hasNextPage: options.offset + options.first < hits.length,
    };
  }

  /**
   * Every match of a search, scored, for the current version. A broad prefix matches most of a
   * large graph: the candidates are scored SEARCH_SLICE at a time, one slice per turn of the event
   * loop (a write in between starts again), and the last few searches of a version are kept, so
   * a request of a hundred aliases of one search scores once (docs/adr/0024).
   */
  private searchHits(query: string, queryTokens: readonly string[], kinds: readonly NodeKind[] | undefined): Promise<ScoredSearch> {
    const kindSet = kinds && kinds.length > 0 ? new Set(kinds) : null;
    const key = `${query}\u0000${kindSet ? [...kindSet].sort().join(',') : ''}`;
    if (this.searchCache.version !== this.version) this.searchCache = { version: this.version, hits: new Map() };
    const cache = this.searchCache.hits;
    let hits = cache.get(key);
    // Most recently used last; a search under way is shared too.
    if (hits) cache.delete(key);
    else hits = this.scoreSearch(query, queryTokens, kindSet).then((all) => ({ hits: all, pages: new Map() }));
    cache.set(key, hits);
    if (cache.size > SEARCHES_KEPT) cache.delete(cache.keys().next().value!);
    hits.catch(() => cache.delete(key));
    return hits;
  }

  private async scoreSearch(query: string, queryTokens: readonly string[], kinds: ReadonlySet<NodeKind> | null): Promise<ScoredHit[]> {
    for (;;) {
      const version = this.version;
      const hits: ScoredHit[] = [];
      let done = 0;
      for (const id of this.searchIndex.candidates(queryTokens)) {
        if (++done % SEARCH_SLICE === 0) {
          await new Promise((resolve) => setImmediate(resolve));
          if (this.version !== version) break;
        }
        const node = this.graph.node(id)!;
        if (kinds && !kinds.has(node.kind)) continue;
        const score = scoreNames(query, queryTokens, this.searchIndex.namesOf(id), this.searchIndex.primaryCountOf(id));
        if (score > 0) hits.push({ node, score, sortName: this.sortName(id) });
      }
      if (this.version === version) return hits;
    }
  }

  async listNodes(query: ListQuery): Promise<Page<GraphNode>> {
    const ids = this.idsByKind.get(query.kind) ?? new Set<string>();
    const matches: GraphNode[] = [];
    for (const id of ids) {
      const entry = this.graph.entry(id)!;
      if (matchesFilter(this.graph, entry, query.filter)) matches.push(entry.node);
    }
    const degree = (id: string) => this.graph.degree(id);
    matches.sort((a, b) => compareForSort(a, b, query.sort, degree, (id) => this.sortName(id)));
    return toPage(matches, query.offset, query.first);
  }

  async relations(query: RelationQuery): Promise<Page<RelatedEdge>> {
    const entry = this.graph.entry(query.nodeId);
    if (!entry) return emptyPage(query.offset);
    const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null;
    const out: RelatedEdge[] = [];
    const collect = (relation: GraphRelation, direction: 'OUT' | 'IN') => {
      if (kinds && !kinds.has(relation.kind)) return;
      const otherId = direction === 'OUT' ? relation.to : relation.from;
      out.push({ relation, other: this.graph.node(otherId)!, direction });
    };
    if (query.direction !== 'IN') for (const r of entry.out) collect(r, 'OUT');
    if (query.direction !== 'OUT') for (const r of entry.in) collect(r, 'IN');
    out.sort(
      (a, b) =>
        compareStrings(a.relation.kind, b.relation.kind) ||
        compareStrings(this.sortName(a.other.id), this.sortName(b.other.id)) ||
        compareStrings(a.relation.id, b.relation.id),
    );
    return toPage(out, query.offset, query.first);
  }

  async neighborhood(query: NeighborhoodQuery): Promise<Subgraph> {
    // The ranks in id order (recomputed after nodes were added or removed) are sorted in slices.
    await this.graph.ranksInSlices(timeSlicer());
    return neighborhoodOf(this.graph, query);
  }

  async neighbours(query: NeighbourQuery): Promise<NeighbourPage> {
    const entry = this.graph.entry(query.id);
    const byId = new Map<string, NeighbourCandidate>();
    const add = (relation: GraphRelation, otherId: string) => {
      if (otherId === query.id) return;
      let c = byId.get(otherId);
      if (!c) byId.set(otherId, (c = { node: this.graph.node(otherId)!, degree: this.graph.degree(otherId), relations: [] }));
      c.relations.push(relation);
    };
    for (const r of entry?.out ?? []) add(r, r.to);
    for (const r of entry?.in ?? []) add(r, r.from);
    return neighbourPage([...byId.values()], query);
  }

  async overview(query: OverviewQuery): Promise<Overview> {
    return overviewOf(this.graph, (kind) => this.idsByKind.get(kind) ?? [], query);
  }

  async graphVersion(): Promise<string> {
    return `${this.instance}.${this.version}`;
  }

  async stats(): Promise<GraphStats> {
    const nodesByKind = Object.fromEntries(NODE_KINDS.map((k) => [k, this.idsByKind.get(k)?.size ?? 0])) as Record<NodeKind, number>;
    const relationsByKind = Object.fromEntries(RELATION_KINDS.map((k) => [k, 0])) as Record<RelationKind, number>;
    for (const r of this.graph.relations()) relationsByKind[r.kind] += 1;
    return { nodeCount: this.graph.nodeCount, relationCount: this.graph.relationCount, nodesByKind, relationsByKind };
  }

  async bulkUpsert(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteResult> {
    return this.exclusive(async (slice) => {
      const incoming = new Set(batch.nodes.map((n) => n.id));
      for (const [i, r] of batch.relations.entries()) {
        if ((i & 1023) === 1023) await slice();
        for (const end of [r.from, r.to]) {
          if (!incoming.has(end) && !this.graph.hasNode(end)) {
            throw new StoreWriteError(
              'DANGLING_RELATION',
              `relationship "${r.id}" points at "${end}", which is neither in the store nor in the batch; nothing was written`,
            );
          }
        }
      }
      await this.commitAndApply({ putNodes: batch.nodes, putRelations: batch.relations }, options, slice);
      return { nodesWritten: batch.nodes.length, relationsWritten: batch.relations.length };
    });
  }

  async applyChanges(changes: ChangeSet, options: WriteOptions = {}): Promise<ChangeResult> {
    return this.exclusive(async (slice) => {
      const deleteRelations = changes.deleteRelations ?? [];
      const deleteNodes = changes.deleteNodes ?? [];
      const putNodes = changes.putNodes ?? [];
      const putRelations = changes.putRelations ?? [];
      for (const id of deleteRelations) {
        if (!this.graph.relation(id))
          throw new StoreWriteError('NOT_FOUND', `no relationship has the id "${id}" to delete; nothing was written`);
      }
      const deleted = new Set<string>();
      for (const id of deleteNodes) {
        if (!this.graph.hasNode(id)) throw new StoreWriteError('NOT_FOUND', `no node has the id "${id}" to delete; nothing was written`);
        deleted.add(id);
      }
      const incoming = new Set<string>();
      for (const [i, n] of putNodes.entries()) {
        if ((i & 1023) === 1023) await slice();
        incoming.add(n.id);
      }
      for (const [i, r] of putRelations.entries()) {
        if ((i & 1023) === 1023) await slice();
        for (const end of [r.from, r.to]) {
          if (!incoming.has(end) && (deleted.has(end) || !this.graph.hasNode(end))) {
            throw new StoreWriteError(
              'DANGLING_RELATION',
              `relationship "${r.id}" points at "${end}", which is not in the store after this change; nothing was written`,
            );
          }
        }
      }
      return this.commitAndApply(changes, options, slice);
    });
  }

  /** Runs writes one at a time, each with a slicer of its own. */
  private exclusive<T>(work: (slice: Slicer) => Promise<T>): Promise<T> {
    const run = this.writing.then(() => work(timeSlicer()));
    this.writing = run.catch(() => undefined);
    return run;
  }

  /**
   * Makes a validated change set durable, then applies it: in place at once when it is small, else
   * to a copy made and changed in slices that then takes the graph's place (see the class comment).
   * Compacts the journal afterwards when it is due.
   */
  private async commitAndApply(changes: ChangeSet, options: WriteOptions, slice: Slicer): Promise<ChangeResult> {
    await this.dataDirectory?.commit(changes, slice);
    const records =
      (changes.deleteRelations?.length ?? 0) +
      (changes.deleteNodes?.length ?? 0) +
      (changes.putNodes?.length ?? 0) +
      (changes.putRelations?.length ?? 0) +
      (changes.log?.length ?? 0);
    let result: ChangeResult;
    if (records <= IN_PLACE_MAX) result = runAll(this.applying(changes, options.onProgress));
    else {
      const copy = new MemoryGraphStore();
      await runSliced(this.copyInto(copy), slice);
      result = await runSliced(copy.applying(changes, options.onProgress), slice);
      this.takeContents(copy);
    }
    await this.dataDirectory?.compactIfDue(() => this.state(), slice);
    return result;
  }

  /** Fills `copy` (a new store) with this store's graph, indexes and change log; yields every 1,024 entries. */
  private *copyInto(copy: MemoryGraphStore): Generator<void> {
    yield* copy.graph.copyOf(this.graph);
    yield* copy.searchIndex.copyOf(this.searchIndex);
    let n = 0;
    for (const [kind, ids] of this.idsByKind) {
      const into = copy.idsByKind.get(kind)!;
      for (const id of ids) {
        into.add(id);
        if ((++n & 1023) === 0) yield;
      }
    }
    for (const [id, name] of this.sortNames) {
      copy.sortNames.set(id, name);
      if ((++n & 1023) === 0) yield;
    }
    for (const [qid, ids] of this.idsByWikidata) {
      copy.idsByWikidata.set(qid, new Set(ids));
      if ((++n & 1023) === 0) yield;
    }
    for (const change of this.changes) {
      copy.changes.push(change);
      if ((++n & 1023) === 0) yield;
    }
    for (const [id, list] of this.changesByNode) {
      copy.changesByNode.set(id, list.slice());
      if ((++n & 1023) === 0) yield;
    }
  }

  /** Takes `copy`'s graph, indexes and log in one step (the previous ones go to `copy`, to be dropped); a new version. */
  private takeContents(copy: MemoryGraphStore): void {
    this.graph.swapWith(copy.graph);
    this.searchIndex.swapWith(copy.searchIndex);
    [this.idsByKind, copy.idsByKind] = [copy.idsByKind, this.idsByKind];
    [this.sortNames, copy.sortNames] = [copy.sortNames, this.sortNames];
    [this.idsByWikidata, copy.idsByWikidata] = [copy.idsByWikidata, this.idsByWikidata];
    [this.changes, copy.changes] = [copy.changes, this.changes];
    [this.changesByNode, copy.changesByNode] = [copy.changesByNode, this.changesByNode];
    this.bumpVersion();
  }

  async getRelations(ids: readonly string[]): Promise<(GraphRelation | null)[]> {
    return ids.map((id) => this.graph.relation(id) ?? null);
  }

  async relationsOfNodes(ids: readonly string[], kinds?: readonly RelationKind[]): Promise<GraphRelation[]> {
    const allowed = kinds && kinds.length > 0 ? new Set(kinds) : null;
    const found = new Map<string, GraphRelation>();
    for (const id of ids) {
      const entry = this.graph.entry(id);
      if (!entry) continue;
      for (const r of entry.out) if (!allowed || allowed.has(r.kind)) found.set(r.id, r);
      for (const r of entry.in) if (!allowed || allowed.has(r.kind)) found.set(r.id, r);
    }
    return [...found.values()].sort((a, b) => compareStrings(a.id, b.id));
  }

  async relationsAmong(ids: readonly string[], kinds?: readonly RelationKind[]): Promise<GraphRelation[]> {
    const allowed = kinds && kinds.length > 0 ? new Set(kinds) : null;
    const among = new Set(ids);
    const found = new Map<string, GraphRelation>();
    for (const id of among) {
      const entry = this.graph.entry(id);
      if (!entry) continue;
      for (const r of entry.out) if (among.has(r.to) && (!allowed || allowed.has(r.kind))) found.set(r.id, r);
    }
    return [...found.values()].sort((a, b) => compareStrings(a.id, b.id));
  }

  async listNodeIds(query: IdListQuery): Promise<Page<string>> {
    const wanted = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null;
    const matches: string[] = [];
    for (const kind of NODE_KINDS) {
      if (wanted && !wanted.has(kind)) continue;
      const ofKind: string[] = [];
      for (const id of this.idsByKind.get(kind) ?? []) {
        if (matchesFilter(this.graph, this.graph.entry(id)!, query.filter)) ofKind.push(id);
      }
      matches.push(...ofKind.sort(compareStrings));
    }
    return toPage(matches, query.offset, query.first);
  }

  async findByNames(names: readonly string[], kinds?: readonly NodeKind[]): Promise<GraphNode[]> {
    const allowed = kinds && kinds.length > 0 ? new Set(kinds) : null;
    const found = new Map<string, GraphNode>();
    for (const name of names) {
      const normalized = normalizeText(name);
      if (normalized === '') continue;
      for (const id of this.searchIndex.candidates(normalized.split(' '))) {
        const node = this.graph.node(id)!;
        if ((!allowed || allowed.has(node.kind)) && this.searchIndex.namesOf(id).includes(normalized)) found.set(id, node);
      }
    }
    return [...found.values()].sort((a, b) => compareStrings(a.id, b.id));
  }

  async findByWikidata(qids: readonly string[]): Promise<GraphNode[]> {
    const found = new Map<string, GraphNode>();
    for (const qid of qids) for (const id of this.idsByWikidata.get(qid) ?? []) found.set(id, this.graph.node(id)!);
    return [...found.values()].sort((a, b) => compareStrings(a.id, b.id));
  }

  async *scan(options: ScanOptions): AsyncIterable<GraphBatch> {
    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
    const nodeIds = [...this.graph.nodeIds()].filter((id) => !kinds || kinds.has(this.graph.node(id)!.kind)).sort(compareStrings);
    for (let i = 0; i < nodeIds.length; i += options.batchSize) {
      yield { nodes: nodeIds.slice(i, i + options.batchSize).map((id) => this.graph.node(id)!), relations: [] };
    }
    if (options.nodesOnly) return;
    const included = kinds ? new Set(nodeIds) : null;
    const relations = [...this.graph.relations()]
      .filter((r) => !included || (included.has(r.from) && included.has(r.to)))
      .sort((a, b) => KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || compareStrings(a.id, b.id));
    for (let i = 0; i < relations.length; i += options.batchSize) yield { nodes: [], relations: relations.slice(i, i + options.batchSize) };
  }

  async listChanges(query: ChangeQuery): Promise<Page<ChangeRecord>> {
    const all = query.nodeId === undefined ? this.changes : (this.changesByNode.get(query.nodeId) ?? []);
    const ordered = [...all].sort((a, b) => compareStrings(b.at, a.at) || compareStrings(b.id, a.id));
    return toPage(ordered, query.offset, query.first);
  }

  async clear(): Promise<void> {
    await this.exclusive(async (slice) => {
      await this.dataDirectory?.commit('clear', slice);
      this.resetInMemory();
      await this.dataDirectory?.compact(this.state(), slice);
    });
  }

  /** Always ready: the graph is in this process. */
  async checkReady(): Promise<void> {}

  async close(): Promise<void> {
    await this.analytics.close();
    this.dataDirectory?.close();
    this.dataDirectory = undefined;
  }

  private resetInMemory(): void {
    this.bumpVersion();
    this.graph.clear();
    this.searchIndex.clear();
    this.sortNames.clear();
    this.idsByWikidata.clear();
    for (const ids of this.idsByKind.values()) ids.clear();
    this.changes.length = 0;
    this.changesByNode.clear();
  }

  /**
   * Applies a validated change set (cannot fail half-way); a generator that yields every 1,024
   * records, run at once (runAll) or in slices (runSliced) on a copy no reader sees.
   */
  private *applying(changes: ChangeSet, onProgress?: WriteOptions['onProgress']): Generator<void, ChangeResult> {
    this.bumpVersion();
    let n = 0;
    let relationsDeleted = 0;
    for (const id of changes.deleteRelations ?? []) {
      if (this.graph.removeRelation(id)) relationsDeleted += 1;
      if ((++n & 1023) === 0) yield;
    }
    for (const id of changes.deleteNodes ?? []) {
      const entry = this.graph.entry(id);
      if (!entry) continue;
      relationsDeleted += entry.out.length + entry.in.length;
      this.idsByKind.get(entry.node.kind)?.delete(id);
      this.unindexWikidata(entry.node);
      this.searchIndex.remove(id);
      this.sortNames.delete(id);
      this.graph.removeNode(id);
      if ((++n & 1023) === 0) yield;
    }
    const putNodes = changes.putNodes ?? [];
    const putRelations = changes.putRelations ?? [];
    const total = putNodes.length + putRelations.length;
    let done = 0;
    const tick = () => {
      done += 1;
      if (onProgress && (done % 10_000 === 0 || done === total)) onProgress(done, total);
      return (++n & 1023) === 0;
    };
    for (const node of putNodes) {
      this.putNode(node);
      if (tick()) yield;
    }
    for (const relation of putRelations) {
      this.putRelation(relation);
      if (tick()) yield;
    }
    for (const change of changes.log ?? []) {
      this.appendChange(change);
      if ((++n & 1023) === 0) yield;
    }
    return {
      nodesWritten: putNodes.length,
      relationsWritten: putRelations.length,
      nodesDeleted: changes.deleteNodes?.length ?? 0,
      relationsDeleted,
    };
  }

  private load(nodes: readonly GraphNode[], relations: readonly GraphRelation[]): void {
    this.bumpVersion();
    for (const node of nodes) this.putNode(node);
    for (const relation of relations) this.putRelation(relation);
  }

  private appendChange(change: ChangeRecord): void {
    this.changes.push(change);
    for (const id of new Set(change.nodeIds)) {
      let list = this.changesByNode.get(id);
      if (!list) this.changesByNode.set(id, (list = []));
      list.push(change);
    }
  }

  private state(): GraphState {
    const graph = this.graph;
    return {
      nodes: (function* () {
        for (const id of graph.nodeIds()) yield graph.node(id)!;
      })(),
      relations: graph.relations(),
      changes: this.changes,
    };
  }

  private node(id: string): GraphNode | null {
    return this.graph.node(id) ?? null;
  }

  /** Every write: analysis caches of the old version are out of date; the peers worker gets the new one. */
  private bumpVersion(): void {
    this.version += 1;
    this.analytics.graphChanged();
  }

  private sortName(id: string): string {
    return this.sortNames.get(id) ?? '';
  }

  private putNode(written: GraphNode): void {
    // Records written before names per language existed (a journal or snapshot of then) have none.
    const node = written.names ? written : { ...written, names: [] };
    const previous = this.graph.putNode(node);
    if (previous) {
      this.idsByKind.get(previous.kind)?.delete(node.id);
      this.unindexWikidata(previous);
      this.searchIndex.remove(node.id);
    }
    this.idsByKind.get(node.kind)?.add(node.id);
    if (node.wikidata !== undefined) {
      let ids = this.idsByWikidata.get(node.wikidata);
      if (!ids) this.idsByWikidata.set(node.wikidata, (ids = new Set()));
      ids.add(node.id);
    }
    this.sortNames.set(node.id, normalizeText(node.name));
    const { names, primary } = searchNamesOf(node);
    this.searchIndex.add(node.id, names, primary);
  }

  private unindexWikidata(node: GraphNode): void {
    if (node.wikidata === undefined) return;
    const ids = this.idsByWikidata.get(node.wikidata);
    ids?.delete(node.id);
    if (ids?.size === 0) this.idsByWikidata.delete(node.wikidata);
  }

  private putRelation(relation: GraphRelation): void {
    this.graph.putRelation(relation);
  }
}

const KIND_ORDER = new Map(RELATION_KINDS.map((k, i) => [k, i]));

/** Candidates a search scores per turn of the event loop. */
const SEARCH_SLICE = 4_000;
/** Searches kept per version (each with every match). */
const SEARCHES_KEPT = 8;

type ScoredHit = SearchHit & { sortName: string };
/** Every match of one search, and the pages of it asked for so far. */
type ScoredSearch = { hits: ScoredHit[]; pages: Map<string, ScoredHit[]> };

function toPage<T>(all: T[], offset: number, first: number): Page<T> {
  return { items: all.slice(offset, offset + first), offset, totalCount: all.length, hasNextPage: offset + first < all.length };
}

function emptyPage<T>(offset: number): Page<T> {
  return { items: [], offset, totalCount: 0, hasNextPage: false };
}
