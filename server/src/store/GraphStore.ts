import { UserFacingError } from '../domain/errors.js';
import type {
  GraphNode,
  GraphRelation,
  MunicipalityLevel,
  NetworkScope,
  NodeKind,
  OrgType,
  PartnershipType,
  RelationKind,
} from '../domain/model.js';

/**
 * THE PORT for data. Resolvers speak only to this interface (ctx.store) and to GraphAnalytics
 * (ctx.analytics); the embedded store (memory/) and the Neo4j store (neo4j/) implement both, and one
 * contract test suite per port proves they give the same answers.
 *
 * Every method answers a local question: nothing here needs the whole graph in memory, so the
 * Neo4j adapter can answer each with a bounded Cypher query. Callers validate user input
 * (page sizes, depths); the stores trust the numbers they are given.
 */
export interface GraphStore {
  /** Short name for logs and health checks ("memory", "neo4j"). */
  readonly name: string;

  /**
   * Resolves when the store can serve a read now; rejects with StoreUnavailableError when it
   * cannot (the readiness endpoint). Answers within about a second either way.
   */
  checkReady(): Promise<void>;

  /**
   * The nodes with these ids, in the order asked, `null` where no node has the id.
   * Duplicated ids give duplicated answers.
   */
  getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]>;

  /** The number of relationships (in and out, every kind) of each node; 0 for an unknown id. */
  getDegrees(ids: readonly string[]): Promise<number[]>;

  /**
   * Relevance-ranked search over the name, the names in every language and the alternative names
   * (searchNamesOf), accent-, case- and punctuation-insensitive; every query token must be a prefix
   * of some token of one name (or a typo away from one). A name in a language ranks as the name does.
   * Ordered by score (see SCORE in searchText.ts) descending, then normalised name, then id.
   * An empty or punctuation-only text matches nothing.
   */
  search(text: string, options: SearchOptions): Promise<Page<SearchHit>>;

  /** Nodes of one kind that pass every given filter, sorted, one page. See NodeFilter. */
  listNodes(query: ListQuery): Promise<Page<GraphNode>>;

  /**
   * One page of a node's relationships with the node at the other end, ordered by relationship
   * kind, then the other node's name, then relationship id. Unknown node: an empty page.
   */
  relations(query: RelationQuery): Promise<Page<RelatedEdge>>;

  /**
   * The neighbourhood of the seed nodes, breadth-first, ignoring direction, up to `depth` hops,
   * following only `relationKinds` (all when absent) and entering only nodes of `nodeKinds`
   * (all when absent; seeds are always included). Nodes are ordered by (distance, id); when more
   * than `limit` would be included, the first `limit` are kept and `truncated` is true.
   * Edges: every relationship of an allowed kind between two included nodes of which at least one
   * is nearer than `depth` (edges between two nodes on the outer rim are not scanned), ordered by
   * source id, then target id, then relationship id.
   * Seeds that do not exist are listed in `missingIds` and otherwise ignored.
   */
  neighborhood(query: NeighborhoodQuery): Promise<Subgraph>;

  /**
   * One page of a node's neighbours for the neighbour table: the distinct nodes at the other end
   * of its relationships (itself excluded), each with its degree (all relationships) and the
   * relationships joining the two (only of `relationKinds` when given), ordered by id.
   * Filters (absent or empty: no filter; all must hold): `relationKinds` (joined by at least one
   * of these), `nodeKinds`, `countries` (the node's `country`, a COUNTRY node's own `code`; a node
   * with neither never matches), `text` (one of the node's names, normalised as search normalises,
   * contains every word of it). Sort: DEGREE, NAME (normalised), KIND (in NODE_KINDS order) or
   * COUNTRY (nodes without one last in either direction); ties by normalised name, then id.
   * `totalCount` counts the neighbours that pass the filters, `allCount` every neighbour. Counts:
   * `byKind` per node kind of the neighbours passing every filter but nodeKinds;
   * `byRelationKind` per relationship kind (a neighbour once for each kind joining it) of those
   * passing every filter but relationKinds; `byCountry` of those passing every filter but
   * countries, by count descending, then code. Only non-zero counts; kinds in declaration order.
   * Unknown node: an empty page with zero counts.
   */
  neighbours(query: NeighbourQuery): Promise<NeighbourPage>;

  /** Counts of nodes and relationships, per kind; every kind is present, zero when absent. */
  stats(): Promise<GraphStats>;

  /**
   * The graph in groups, for a first screen whose cost does not depend on the graph's size.
   * Members and groups, by `groupBy`:
   * - COUNTRY: municipalities, grouped by their `country` code (municipalities without one are in
   *   no group); `node` is the COUNTRY node with that code, when there is one.
   * - NETWORK: municipalities, grouped by the networks they are MEMBER_OF (one municipality may be
   *   in several groups, or none); `node` is the network.
   * - KIND: every node, grouped by its kind; `node` is null.
   * `size` is the number of members of the group. Weights, for COUNTRY and NETWORK: a partnership
   * counts once towards the link {A, B} (A ≠ B) when two different member parties (PARTY_TO) of it
   * are one in A and the other in B, and once towards A's `internal` when two different member
   * parties are both in A. For KIND: each relationship counts once towards the link between its
   * ends' kinds, or towards `internal` when they are of one kind.
   * Groups: the `firstGroups` largest, ordered by size descending, then key. Links: only between
   * those groups, with weight > 0, each pair once with a < b (by key), ordered by weight
   * descending, then a, then b. `groupCount` is the number of groups before the cut.
   * Starts: the `firstStarts` most connected MUNICIPALITY, NETWORK and FUNDING_PROGRAM nodes, per
   * kind in that order, each by degree (all relationships) descending, then id.
   */
  overview(query: OverviewQuery): Promise<Overview>;

  /**
   * An opaque token for the graph as it is now: it changes with every committed write through the
   * adapter, and two equal tokens mean the same graph. One cheap read; HTTP caching (ETag) uses it.
   */
  graphVersion(): Promise<string>;

  /**
   * Bulk load: inserts or replaces nodes and relationships by id (the seed graph, benchmarks;
   * edits and imports go through applyChanges). Replacing a node keeps its relationships; within
   * one batch the last record with an id wins. No change record is written.
   *
   * Refused as a whole before anything is written, whatever the size: when a relationship points
   * at a node that is neither in the store nor in the batch, a StoreWriteError DANGLING_RELATION
   * says which.
   *
   * Idempotent, hence resumable: writing a batch again leaves the graph one write of it leaves,
   * also after a write of it that stopped part-way.
   *
   * Atomic only up to a size: the embedded store applies any batch whole; the Neo4j adapter writes
   * a batch of at most `transactionLimit` records (default 20,000) in one transaction, and commits
   * a larger one statement by statement, so a failure half-way (the database going away) leaves
   * part of it written until it is run again. Callers that need all or nothing use applyChanges.
   */
  bulkUpsert(batch: GraphBatch, options?: WriteOptions): Promise<WriteResult>;

  /**
   * Applies a change set as one transaction: all of it or, on any error, none of it (a crash
   * half-way leaves the state before it). In order: deletes relationships, deletes nodes with
   * every relationship they have, puts nodes (insert or replace by id, keeping relationships),
   * puts relationships (insert or replace by id), appends the change records.
   * Refused with a StoreWriteError, nothing written: NOT_FOUND when a node or relationship to
   * delete does not exist; DANGLING_RELATION when a put relationship points at a node that does
   * not exist after the change. Records are not validated here (see domain/graphRules.ts).
   * On a store that persists (the embedded store with a data directory), the promise resolves
   * once the change is durable.
   */
  applyChanges(changes: ChangeSet, options?: WriteOptions): Promise<ChangeResult>;

  /** The relationships with these ids, in the order asked, `null` where none has the id. */
  getRelations(ids: readonly string[]): Promise<(GraphRelation | null)[]>;

  /**
   * Every relationship that starts or ends at one of the nodes, of the given kinds (every kind when
   * absent), each once, ordered by id. Unknown ids contribute nothing. Not paged: for bulk work
   * (imports, merges) on a bounded set of nodes.
   */
  relationsOfNodes(ids: readonly string[], kinds?: readonly RelationKind[]): Promise<GraphRelation[]>;

  /**
   * Every relationship both of whose ends are among the given nodes, of the given kinds (every kind
   * when absent), each once, ordered by id. Unknown ids contribute nothing. Not paged: the caller
   * bounds the ids (the API: LIMITS.relationsAmongIds).
   */
  relationsAmong(ids: readonly string[], kinds?: readonly RelationKind[]): Promise<GraphRelation[]>;

  /**
   * The ids of the nodes of the given kinds that pass the filter (as listNodes filters), ordered
   * by kind (in NODE_KINDS order), then by id (code points). An empty or absent list of kinds
   * means every kind. Paged by offset and first; totalCount counts every match.
   */
  listNodeIds(query: IdListQuery): Promise<Page<string>>;

  /**
   * Entity resolution: the nodes of the given kinds (every kind when absent) one of whose names
   * (name, name in a language or alternative name), normalised as search normalises (normalizeText), equals one of
   * `names` normalised. Exact, not ranked; each node once, ordered by id.
   */
  findByNames(names: readonly string[], kinds?: readonly NodeKind[]): Promise<GraphNode[]>;

  /**
   * Entity resolution by Wikidata item: the nodes whose `wikidata` is one of `qids` (exact, case
   * as given), each once, ordered by id. Unknown QIDs contribute nothing.
   */
  findByWikidata(qids: readonly string[]): Promise<GraphNode[]>;

  /**
   * The whole graph, or the nodes of `kinds` and the relationships between them, in batches of
   * at most `batchSize` records: nodes first, by id, then relationships, by kind (in the order of
   * RELATION_KINDS), then id. For export; the
   * caller need not hold the graph in memory.
   */
  scan(options: ScanOptions): AsyncIterable<GraphBatch>;

  /**
   * The change log, newest first (by `at`, then id, both descending): every change record, or
   * those naming `nodeId` in their nodeIds. Unknown node: an empty page.
   */
  listChanges(query: ChangeQuery): Promise<Page<ChangeRecord>>;

  /** Removes every node, relationship and change record. */
  clear(): Promise<void>;

  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

export interface Page<T> {
  items: T[];
  /** Offset of the first item in the whole ordered result. */
  offset: number;
  totalCount: number;
  hasNextPage: boolean;
}

export interface SearchOptions {
  kinds?: readonly NodeKind[];
  first: number;
  offset: number;
}

export interface SearchHit {
  node: GraphNode;
  score: number;
}

/**
 * Filters for listNodes. Absent or empty lists do not filter; values inside one list are
 * alternatives (OR); different filters must all hold (AND).
 *
 * "Context" of a node: the node itself and the partnerships, projects and programmes it is a party
 * to, participates in or coordinates. A node is linked to an approach, theme or programme when a
 * node of its context EXEMPLIFIES the approach, ADDRESSES_THEME the theme, or is funded by
 * (FUNDS) or participates in the programme. A node is linked to a network when it is a
 * MEMBER_OF, PARTICIPATES_IN or COORDINATES it.
 * The year range matches a node whose own period (since/until, startYear/endYear), or for
 * nodes without one, the period of a partnership or project of its context, overlaps the range;
 * an open end counts as unbounded, and a node with no known year at all does not match.
 * A partnership's countries are those of its parties.
 */
export interface NodeFilter {
  countries?: readonly string[];
  levels?: readonly MunicipalityLevel[];
  orgTypes?: readonly OrgType[];
  scopes?: readonly NetworkScope[];
  partnershipTypes?: readonly PartnershipType[];
  statuses?: readonly string[];
  approachIds?: readonly string[];
  themeIds?: readonly string[];
  networkIds?: readonly string[];
  programIds?: readonly string[];
  yearFrom?: number;
  yearTo?: number;
}

export type SortField = 'NAME' | 'DEGREE' | 'YEAR';
export type SortDirection = 'ASC' | 'DESC';

/**
 * NAME: normalised name. DEGREE: number of relationships. YEAR: since, else startYear, else
 * foundedYear, else year; nodes without one come last in either direction. Ties: name, then id.
 */
export interface NodeSort {
  field: SortField;
  direction: SortDirection;
}

export interface ListQuery {
  kind: NodeKind;
  filter: NodeFilter;
  sort: NodeSort;
  first: number;
  offset: number;
}

export interface IdListQuery {
  kinds?: readonly NodeKind[];
  filter: NodeFilter;
  first: number;
  offset: number;
}

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface RelationQuery {
  nodeId: string;
  direction: Direction;
  kinds?: readonly RelationKind[];
  first: number;
  offset: number;
}

export interface RelatedEdge {
  relation: GraphRelation;
  /** The node at the other end. */
  other: GraphNode;
  /** OUT when the relationship starts at the asked node. */
  direction: 'OUT' | 'IN';
}

export interface NeighborhoodQuery {
  ids: readonly string[];
  depth: number;
  relationKinds?: readonly RelationKind[];
  nodeKinds?: readonly NodeKind[];
  limit: number;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphRelation[];
  truncated: boolean;
  missingIds: string[];
}

export type NeighbourSortField = 'DEGREE' | 'NAME' | 'KIND' | 'COUNTRY';

export interface NeighbourQuery {
  id: string;
  relationKinds?: readonly RelationKind[];
  nodeKinds?: readonly NodeKind[];
  countries?: readonly string[];
  text?: string;
  sort: { field: NeighbourSortField; direction: SortDirection };
  first: number;
  offset: number;
}

export interface NeighbourRow {
  node: GraphNode;
  degree: number;
  relations: GraphRelation[];
}

export interface NeighbourPage extends Page<NeighbourRow> {
  allCount: number;
  byKind: { kind: NodeKind; count: number }[];
  byRelationKind: { kind: RelationKind; count: number }[];
  byCountry: { code: string; count: number }[];
}

export type OverviewGrouping = 'COUNTRY' | 'NETWORK' | 'KIND';

export interface OverviewQuery {
  groupBy: OverviewGrouping;
  firstGroups: number;
  firstStarts: number;
}

export interface OverviewGroup {
  /** The country code, the network id, or the node kind. */
  key: string;
  node: GraphNode | null;
  size: number;
  internal: number;
}

export interface OverviewLink {
  a: string;
  b: string;
  weight: number;
}

export interface Overview {
  groups: OverviewGroup[];
  links: OverviewLink[];
  groupCount: number;
  starts: { node: GraphNode; degree: number }[];
}

export interface GraphStats {
  nodeCount: number;
  relationCount: number;
  nodesByKind: Record<NodeKind, number>;
  relationsByKind: Record<RelationKind, number>;
}

export interface GraphBatch {
  nodes: readonly GraphNode[];
  relations: readonly GraphRelation[];
}

export interface WriteOptions {
  /** Called now and then with how much of the batch is written (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

export interface WriteResult {
  nodesWritten: number;
  relationsWritten: number;
}

export interface ChangeSet {
  deleteRelations?: readonly string[];
  deleteNodes?: readonly string[];
  putNodes?: readonly GraphNode[];
  putRelations?: readonly GraphRelation[];
  log?: readonly ChangeRecord[];
}

export interface ChangeResult {
  nodesWritten: number;
  relationsWritten: number;
  nodesDeleted: number;
  /** Relationships deleted, those of deleted nodes included. */
  relationsDeleted: number;
}

export const CHANGE_ACTIONS = [
  'CREATE_NODE',
  'UPDATE_NODE',
  'DELETE_NODE',
  'MERGE_NODES',
  'CREATE_RELATION',
  'UPDATE_RELATION',
  'DELETE_RELATION',
  'IMPORT',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** One recorded change: who, when, what, and the record before and after (JSON, null when absent). */
export interface ChangeRecord {
  /** Unique; within one `at`, ids sort in the order the changes were made. */
  id: string;
  /** ISO 8601 date-time. */
  at: string;
  /** The token's name, or the operating-system user of a command-line import. */
  actor: string;
  action: ChangeAction;
  /** The id of the node or relationship changed (the kept node of a merge, the SOURCE of an import). */
  subject: string;
  /** Every node the change concerns: listChanges(nodeId) finds the record through these. */
  nodeIds: string[];
  before: string | null;
  after: string | null;
  /** The SOURCE node the editor cited. */
  source?: string;
  /** A short human summary ("merged x into y", "import of twin-cities.csv: 17,700 nodes created"). */
  summary: string;
}

export interface ChangeQuery {
  nodeId?: string;
  first: number;
  offset: number;
}

export interface ScanOptions {
  batchSize: number;
  kinds?: readonly NodeKind[];
  /** Only the nodes (no relationships). */
  nodesOnly?: boolean;
}

/** A write refused as a whole; `code` is stable for callers and the API. */
export class StoreWriteError extends UserFacingError {
  declare readonly code: 'DANGLING_RELATION' | 'INVALID_RECORD' | 'NOT_FOUND';
  constructor(code: 'DANGLING_RELATION' | 'INVALID_RECORD' | 'NOT_FOUND', message: string) {
    super(code, message);
  }
}

/** The store cannot be reached (database down, connection lost); the API maps it to SERVICE_UNAVAILABLE. */
export class StoreUnavailableError extends UserFacingError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SERVICE_UNAVAILABLE', message, options);
  }
}
