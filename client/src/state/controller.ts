import { ApiError, explainError } from '../api/client.js';
import * as api from '../api/graphApi.js';
import type { NodeKind, RelationKind } from '../gql/graphql.js';
import { nodeKindLabel, nodeKindPlural } from '../graph/kinds.js';
import {
  deriveVisible,
  emptyGraph,
  hasAttributeFilter,
  mergeSubgraph,
  renameNodes,
  type FilterMatch,
  type GraphData,
  type ViewState,
  type VisibleGraph,
} from '../graph/model.js';
import type { PathLike, PeerOptions } from './analysis/index.js';
import { readBudgets, type Budgets } from './budgets.js';
import type { DisplayState } from './display/index.js';
import type { FilterState } from './filters/index.js';
import { applyLanguage, t } from '../i18n/index.js';
import { browserHints, detectLanguage, storeLanguage, type Lang } from '../i18n/languages.js';
import * as highlights from './highlight/index.js';
import type { EmphasisSource, HighlightState } from './highlight/index.js';
import { amongKey, planLoads, type LoadStep } from './graphData/loadPlan.js';
import { sameSelection, type Selection } from './selection/index.js';
import { createStore, type Store } from './store.js';
import { decodeState, encodeState, type AppState } from './url.js';
import * as views from './view/index.js';

export interface ErrorState {
  code: string;
  /** In the language active when it happened; errorText words it in the active one. */
  message: string;
  /** The server's own message (explainError's detail), if any. */
  detail?: string | undefined;
  /** Node ids the API did not know, which the user can drop from the view. */
  ids: readonly string[];
}

export interface Session {
  app: AppState;
  data: GraphData;
  /** The API's answer for the active attribute filters; null when none is active. */
  match: FilterMatch | null;
  visible: VisibleGraph;
  /** What is loading, as a message of the catalogue (worded at render time, in the active language); null when idle. */
  loading: LoadingMessage | null;
  error: ErrorState | null;
  options: api.FilterOptions | null;
  countryNodeIds: ReadonlyMap<string, string>;
  budgets: Budgets;
  /** How big the whole graph is; null until the API has said. */
  size: api.GraphSize | null;
  /** What "/" (show all) draws: the whole graph, the nodes the filters match, or the overview when either is over the budget. */
  scope: Scope;
  /** The overview for the chosen grouping, once loaded (only in the 'overview' scope). */
  overview: api.OverviewData | null;
  /** What the last action did, when it is not plain from the drawing (a kind opened); cleared by the next. */
  notice: Notice | null;
}

export type Notice = { type: 'kindOpened'; kind: NodeKind; count: number; total: number };

export type Scope = 'view' | 'all' | 'matched' | 'overview';

/** A loading state as a catalogue key and its values, so a language switch rewords it. */
export interface LoadingMessage {
  key: 'filters' | 'overview' | 'whole' | 'neighboursOfMany' | 'neighboursOf' | 'nodes' | 'node' | 'links' | 'kind';
  values?: { count?: number; name?: string; kinds?: string };
}

/** An error in the active language (an error shown before a language switch is worded anew). */
export const errorText = (e: ErrorState): string => explainError(e.code, e.detail, e.ids);

/** A loading state in the active language. */
export const loadingText = (m: LoadingMessage): string => t(`messages:loading.${m.key}`, m.values ?? {});

/** The elements a drawing of the whole graph would have, as the overview budget counts them. */
export const wholeGraphElements = (size: api.GraphSize): number => size.nodeCount + size.relationCount;

/**
 * Which scope the view has: without showAll, just the view; with it, the whole graph when it fits
 * the overview budget, else the nodes the attribute filters match when those fit, else the overview.
 * While the graph's size is unknown, the overview (nothing is loaded for it until the size is in).
 */
export function scopeOf(app: AppState, size: api.GraphSize | null, match: FilterMatch | null, budgets: Budgets): Scope {
  if (!app.view.showAll) return 'view';
  if (size && wholeGraphElements(size) <= budgets.overview) return 'all';
  if (match && match.size <= budgets.overview) return 'matched';
  return 'overview';
}

/** The view as loaded and drawn in a scope: the overview draws no graph; 'matched' draws the matches, one by one. */
function effectiveView(view: ViewState, scope: Scope, match: FilterMatch | null): ViewState {
  if (scope === 'overview') return { ...view, showAll: false };
  if (scope === 'matched') return { ...view, showAll: false, pinned: [...new Set([...(view.pinned ?? []), ...[...match!].sort()])] };
  return view;
}

type HistoryMode = 'push' | 'replace' | 'none';

/** The parts of window.history and location the controller uses, so tests can stand them in. */
export interface UrlPort {
  read(): string;
  write(search: string, mode: 'push' | 'replace'): void;
}

export const browserUrl: UrlPort = {
  read: () => window.location.search,
  write(search, mode) {
    const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  },
};

/**
 * Application logic: turns user intentions into new AppState (pure updates from the state
 * domains), keeps the URL in step, and loads from the API what the view needs. The drawn graph
 * (`visible`) is derived from the loaded data and the state on every change, never stored as truth.
 */
export class Controller {
  readonly store: Store<Session>;
  /** Hover and emphasis: a store of their own, so a pointer move re-renders the canvas only. */
  readonly highlight: Store<HighlightState> = createStore(highlights.initialHighlight());
  private generation = 0;
  private readonly amongDone = new Set<string>();
  private readonly matchCache = new Map<string, FilterMatch>();

  private readonly overviews = new Map<string, api.OverviewData>();
  /** The first page of node ids, asked with the size at start: the first whole-graph load begins with it, once. */
  private firstIds: api.IdPage | null = null;

  constructor(
    private readonly url: UrlPort = browserUrl,
    budgets: Budgets = readBudgets(typeof localStorage === 'undefined' ? null : localStorage),
  ) {
    const app = decodeState(url.read(), detectLanguage(browserHints()));
    applyLanguage(app.lang);
    const data = emptyGraph();
    const scope = scopeOf(app, null, null, budgets);
    this.store = createStore<Session>({
      app,
      data,
      match: null,
      visible: deriveVisible(data, effectiveView(app.view, scope, null), app.filters, {
        partnerships: app.display.partnerships,
        match: null,
        neighbourBudget: budgets.neighbours,
      }),
      loading: null,
      error: null,
      options: null,
      countryNodeIds: new Map(),
      budgets,
      size: null,
      scope,
      overview: null,
      notice: null,
    });
  }

  get session(): Session {
    return this.store.get();
  }

  /** Load the filter choices and the view the URL describes. */
  async start(): Promise<void> {
    void this.loadOptions();
    try {
      // With the size, the first page of node ids when "/" may draw the whole graph: one request
      // instead of two in a row before the first drawing (ids of a graph above the budget go unused).
      const s = this.session;
      const mayDrawAll = s.app.view.showAll && !hasAttributeFilter(s.app.filters) && s.app.display.panel !== 'map';
      const { size, firstIds } = await api.startView(mayDrawAll ? Math.min(s.budgets.overview, api.API_LIMITS.idPage) : null);
      this.firstIds = firstIds;
      this.patch({ size });
    } catch {
      // Unknown size: the scope stays the overview for "show all", and sync reports the API's error.
    }
    await this.sync();
    this.firstIds = null;
  }

  /**
   * After a language switch: the names of the nodes already loaded, in the new language, in one
   * request (up to 2,000 nodes), and the filter choices (country names); the graph is neither
   * reloaded nor laid out again, its labels just change. A failure leaves the names as they were.
   */
  private async refreshNames(lang: Lang): Promise<void> {
    void this.loadOptions();
    const ids = [...this.session.data.nodes.keys()];
    if (ids.length === 0) return;
    try {
      const names = await api.nodeNames(ids);
      if (this.session.app.lang !== lang) return;
      const data = renameNodes(this.session.data, names);
      if (data !== this.session.data) this.patch({ data });
    } catch {
      // The names stay in the language they were loaded in; the words of the explorer have changed.
    }
  }

  private async loadOptions(): Promise<void> {
    try {
      const options = await api.filterOptions();
      const countryNodeIds = new Map(options.countries.edges.map((e) => [e.node.code, e.node.id]));
      this.patch({ options, countryNodeIds });
    } catch {
      // The filters show their own "could not load" line; the graph does not depend on them.
    }
  }

  /** The browser went back or forward: take the state from the URL, without a new history entry. */
  onPopState(): void {
    this.setApp(decodeState(this.url.read(), detectLanguage(browserHints())), 'none');
  }

  private patch(partial: Partial<Session>): void {
    this.store.set((s) => {
      const next = { ...s, ...partial };
      next.scope = scopeOf(next.app, next.size, next.match, next.budgets);
      if (next.scope !== 'overview') next.overview = null;
      else if (next.overview?.groupBy !== next.app.display.groupBy) next.overview = this.overviews.get(next.app.display.groupBy) ?? null;
      if ('data' in partial || 'match' in partial || 'app' in partial || 'countryNodeIds' in partial || next.scope !== s.scope)
        next.visible = this.derive(next);
      return next;
    });
  }

  private derive(s: Pick<Session, 'data' | 'app' | 'match' | 'countryNodeIds' | 'scope' | 'budgets'>): VisibleGraph {
    const view = effectiveView(s.app.view, s.scope, s.match);
    return deriveVisible(s.data, view, s.app.filters, {
      partnerships: s.app.display.partnerships,
      match: s.match,
      countryNodeIds: s.countryNodeIds,
      neighbourBudget: s.budgets.neighbours,
    });
  }

  private setApp(app: AppState, history: HistoryMode): void {
    const before = this.session.app;
    if (history !== 'none') {
      const search = encodeState(app);
      if (search !== encodeState(before)) this.url.write(search, history);
    }
    const filtersChanged = JSON.stringify(before.filters) !== JSON.stringify(app.filters);
    const match = filtersChanged
      ? hasAttributeFilter(app.filters)
        ? (this.matchCache.get(matchKey(app.filters)) ?? null)
        : null
      : this.session.match;
    const switched = app.lang !== before.lang;
    if (switched) applyLanguage(app.lang);
    this.patch({ app, match, error: null, notice: null });
    if (switched) void this.refreshNames(app.lang);
    // An emphasis belongs to the detail panel of the selection: a new selection ends it.
    if (!sameSelection(before.selection, app.selection)) this.highlight.set((h) => highlights.clearEmphasis(h));
    void this.sync();
  }

  private update(fn: (app: AppState) => AppState, history: HistoryMode = 'push'): void {
    this.setApp(fn(this.session.app), history);
  }

  // --- intentions -------------------------------------------------------------------------

  focus(id: string): void {
    this.update((a) => ({ ...a, view: views.focusOn(a.view, id), selection: { type: 'node', id } }));
  }

  toggleExpand(id: string): void {
    this.update((a) => ({ ...a, view: views.toggleExpanded(a.view, id) }));
  }

  expand(id: string, kinds: RelationKind[] | null = null): void {
    this.update((a) => ({ ...a, view: views.expand(a.view, id, kinds) }));
  }

  collapse(id: string): void {
    this.update((a) => ({ ...a, view: views.collapse(a.view, id) }));
  }

  /**
   * Go to a node related to `from` (from the detail panel): select it, and if it is not drawn,
   * expand `from` over that relationship kind so it appears beside it.
   */
  openRelated(from: string, to: string, kind: RelationKind): void {
    const drawn = this.session.visible.nodes.some((n) => n.id === to);
    this.update((a) => {
      let view = a.view;
      if (!drawn) {
        const current = view.expanded.find((e) => e.id === from);
        const kinds = current ? (current.kinds === null ? null : [...current.kinds, kind]) : [kind];
        view = views.expand(view, from, kinds);
        if (!view.showAll && view.focus === null) view = { ...view, focus: from };
      }
      // Pinned too: the budget may keep it out of the expansion's best connected.
      if (!drawn) view = views.pin(view, [to]);
      return { ...a, view, selection: { type: 'node', id: to } };
    });
  }

  /** Show exactly a path: its nodes and the relationships between them (the path finder, partner suggestions); Back returns to the view before. */
  showPath(path: PathLike): void {
    this.update((a) => ({ ...a, view: views.pathView(path.nodes.map((n) => n.id)) }));
  }

  /** Add these nodes to the view (the neighbour table's "add"). */
  addNodes(ids: readonly string[]): void {
    this.update((a) => ({ ...a, view: views.pin(a.view, ids) }));
  }

  /** Add rows of the neighbour table: their nodes and relationships are known already, so they are drawn at once, beside the node. */
  addNeighbours(rows: readonly api.NeighbourRow[]): void {
    if (rows.length === 0) return;
    this.patch({ data: mergeSubgraph(this.session.data, { nodes: rows.map((r) => r.node), edges: rows.flatMap((r) => r.relations) }) });
    this.addNodes(rows.map((r) => r.node.id));
  }

  /** Open a group of the overview: the country's or network's node and its members around it. */
  openGroup(nodeId: string): void {
    this.focus(nodeId);
  }

  /** Open a group of the overview, from the canvas or the panel: its own node (country, network) or, for a kind, its best connected nodes. */
  openOverviewGroup(group: { key: string; nodeId: string | null }): void {
    if (group.nodeId) this.openGroup(group.nodeId);
    else if (this.session.overview?.groupBy === 'KIND') void this.openKind(group.key as NodeKind);
  }

  /** Open a kind of the overview: its best connected nodes, as many as the neighbour budget, drawn with the links among them. */
  async openKind(kind: NodeKind): Promise<void> {
    const gen = this.generation;
    try {
      this.patch({ loading: { key: 'kind', values: { kinds: nodeKindPlural(kind).toLowerCase() } } });
      const { ids, total } = await api.nodesOfKind(kind, Math.min(this.session.budgets.neighbours, api.API_LIMITS.pageSize));
      if (gen !== this.generation) return;
      this.update((a) => ({ ...a, view: views.pathView(ids), selection: null }));
      this.patch({ notice: { type: 'kindOpened', kind, count: ids.length, total } });
    } catch (e) {
      if (gen !== this.generation) return;
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', t('messages:error.kindFailed'), String(e));
      this.patch({ loading: null, error: { code: err.code, message: err.userMessage, detail: err.detail, ids: [] } });
    }
  }

  setShowAll(showAll: boolean): void {
    this.update((a) => ({ ...a, view: views.setShowAll(a.view, showAll) }));
  }

  setFilters(fn: (f: FilterState) => FilterState): void {
    this.update((a) => ({ ...a, filters: fn(a.filters) }));
  }

  setDisplay(patch: Partial<DisplayState>): void {
    this.update((a) => ({ ...a, display: { ...a.display, ...patch } }));
  }

  /** The peers panel's settings (kept in the URL; the history entry is replaced, as for a selection). */
  setPeerOptions(fn: (o: PeerOptions) => PeerOptions): void {
    this.update((a) => ({ ...a, peers: fn(a.peers) }), 'replace');
  }

  /**
   * The language switch: every word of the explorer changes in one re-render, the choice is kept
   * for the next visit, and nothing of the graph is loaded or laid out again (the history entry is
   * replaced: Back undoes views, not a language).
   */
  setLanguage(lang: Lang): void {
    storeLanguage(lang);
    if (lang !== this.session.app.lang) this.update((a) => ({ ...a, lang }), 'replace');
  }

  /** Selection changes replace the history entry: Back should undo views, not every click. */
  select(selection: Selection | null): void {
    this.update((a) => ({ ...a, selection }), 'replace');
  }

  /** The pointer is over a node (null: over none). */
  hover(id: string | null): void {
    this.highlight.set((h) => highlights.hover(h, id));
  }

  /** Emphasise nodes on the canvas for an analysis panel; an empty list clears. */
  emphasize(ids: readonly string[], by: EmphasisSource): void {
    this.highlight.set((h) => highlights.emphasize(h, ids, by));
  }

  /** Clear the emphasis `by` drew, leaving another panel's. */
  clearEmphasis(by: EmphasisSource): void {
    this.highlight.set((h) => highlights.clearEmphasis(h, by));
  }

  /** Take ids the API did not know out of the view (after a NOT_FOUND). */
  dropFromView(ids: readonly string[]): void {
    const gone = new Set(ids);
    this.update((a) => ({
      ...a,
      view: {
        ...a.view,
        focus: a.view.focus && gone.has(a.view.focus) ? null : a.view.focus,
        expanded: a.view.expanded.filter((e) => !gone.has(e.id)),
      },
      selection: a.selection && gone.has(a.selection.id) ? null : a.selection,
    }));
  }

  retry(): void {
    this.patch({ error: null });
    void this.sync();
  }

  // --- loading ----------------------------------------------------------------------------

  /** Loads until the drawn view is complete. A newer call makes an older one stop reporting. */
  async sync(): Promise<void> {
    const gen = ++this.generation;
    const current = () => gen === this.generation;
    try {
      const filters = this.session.app.filters;
      if (hasAttributeFilter(filters)) {
        const key = matchKey(filters);
        let match = this.matchCache.get(key);
        if (!match) {
          this.patch({ loading: { key: 'filters' } });
          match = await api.filterMatches(filters);
          this.matchCache.set(key, match);
        }
        if (current()) this.patch({ match });
      }
      // The map draws its own layer (MapView): the graph's view loads when the user returns to it.
      if (this.session.app.display.panel === 'map') {
        if (current()) this.patch({ loading: null });
        return;
      }
      if (this.session.scope === 'overview' && this.session.size) {
        const groupBy = this.session.app.display.groupBy;
        let overview = this.overviews.get(groupBy);
        if (!overview) {
          if (current()) this.patch({ loading: { key: 'overview' } });
          overview = await api.overview(groupBy);
          this.overviews.set(groupBy, overview);
        }
        if (current()) this.patch({ overview });
      }
      for (let round = 0; round < 6; round++) {
        const s = this.session;
        const steps = planLoads(s.data, effectiveView(s.app.view, s.scope, s.match), s.visible, this.amongDone, s.budgets.neighbours);
        if (steps.length === 0) break;
        if (current()) this.patch({ loading: this.describe(steps) });
        const results = await Promise.all(steps.map((step) => this.execute(step)));
        let data = this.session.data;
        for (const r of results) data = r(data);
        this.patch({ data });
        if (!current()) return;
      }
      if (current()) this.patch({ loading: null });
    } catch (e) {
      if (!current()) return;
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', t('messages:error.internal'), String(e));
      if (!(e instanceof ApiError)) console.error(e);
      this.patch({ loading: null, error: { code: err.code, message: err.userMessage, detail: err.detail, ids: err.ids } });
    }
  }

  private describe(steps: LoadStep[]): LoadingMessage {
    const name = (id: string) => this.session.data.nodes.get(id)?.name ?? id;
    const s = steps[0]!;
    switch (s.type) {
      case 'all':
        return { key: 'whole' };
      case 'expand':
        return steps.length > 1
          ? { key: 'neighboursOfMany', values: { count: steps.length } }
          : { key: 'neighboursOf', values: { name: name(s.id) } };
      case 'nodes':
        return s.ids.length > 1 ? { key: 'nodes', values: { count: s.ids.length } } : { key: 'node', values: { name: name(s.ids[0]!) } };
      default:
        return { key: 'links' };
    }
  }

  /** Runs one step; resolves to a function that merges its answer into the data. */
  private async execute(step: LoadStep): Promise<(d: GraphData) => GraphData> {
    switch (step.type) {
      case 'all': {
        const firstIds = this.firstIds;
        this.firstIds = null;
        const r = await api.wholeGraph(undefined, firstIds);
        return (d) => mergeSubgraph(d, r, { complete: !r.truncated });
      }
      case 'expand': {
        // The best connected neighbours, as many as the budget draws: the rest wait in the neighbour table.
        const [page, self] = await Promise.all([
          api.neighbours(step.id, { filter: step.kinds ? { relationKinds: step.kinds } : null, first: step.first }),
          this.session.data.nodes.has(step.id) ? null : api.neighbourhood([step.id], { limit: 1 }),
        ]);
        const sub = { nodes: [...(self?.nodes ?? []), ...page.rows.map((r) => r.node)], edges: page.rows.flatMap((r) => r.relations) };
        const loaded = { id: step.id, kinds: step.kinds ?? ('ALL' as const), truncated: page.hasNextPage, count: page.rows.length };
        return (d) => mergeSubgraph(d, sub, { loaded: [{ ...loaded, total: page.totalCount }] });
      }
      case 'nodes': {
        const r = await api.neighbourhood(step.ids, { limit: step.ids.length });
        return (d) => mergeSubgraph(d, r);
      }
      case 'parties': {
        const r = await api.neighbourhood(step.ids.slice(0, api.API_LIMITS.maxSeeds), {
          kinds: ['PARTY_TO'],
          limit: api.NEIGHBOURHOOD_MAX_LIMIT,
        });
        const ids = step.ids.slice(0, api.API_LIMITS.maxSeeds);
        return (d) =>
          mergeSubgraph(d, r, { loaded: ids.map((id) => ({ id, kinds: ['PARTY_TO'] as RelationKind[], truncated: r.truncated })) });
      }
      case 'among': {
        const r = await api.relationsAmong(step.ids);
        this.amongDone.add(amongKey(step.ids));
        return (d) => mergeSubgraph(d, r);
      }
    }
  }
}

function matchKey(f: FilterState): string {
  return JSON.stringify([f.countries, f.approaches, f.themes, f.networks, f.programs, f.years]);
}

export const kindLabel = nodeKindLabel;
