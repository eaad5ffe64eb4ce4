import type { RelationKind } from '../../gql/graphql.js';
import type { Expansion, ViewState } from '../../graph/model.js';

/** The view domain: what the canvas is about (focus), what is opened up (expanded), show all. */
export type { Expansion, ViewState };

export const initialView = (): ViewState => ({ focus: null, expanded: [], showAll: true });

/** Open a node as the focus of a new view: it and its neighbours. */
export const focusOn = (_view: ViewState, id: string): ViewState => ({ focus: id, expanded: [{ id, kinds: null }], showAll: false });

export const isExpanded = (view: ViewState, id: string): boolean => view.expanded.some((e) => e.id === id);

/** Expand a node over some relationship kinds (all when null); expanding again replaces the kinds. */
export function expand(view: ViewState, id: string, kinds: RelationKind[] | null = null): ViewState {
  const sorted = kinds && kinds.length > 0 ? [...new Set(kinds)].sort() : null;
  const others = view.expanded.filter((e) => e.id !== id);
  return { ...view, expanded: [...others, { id, kinds: sorted }] };
}

export const collapse = (view: ViewState, id: string): ViewState => ({ ...view, expanded: view.expanded.filter((e) => e.id !== id) });

export const toggleExpanded = (view: ViewState, id: string): ViewState => (isExpanded(view, id) ? collapse(view, id) : expand(view, id));

export const setShowAll = (view: ViewState, showAll: boolean): ViewState => ({ ...view, showAll });

/** Add nodes to the view one by one (from the neighbour table); each once, in the order added. */
export function pin(view: ViewState, ids: readonly string[]): ViewState {
  const pinned = [...new Set([...(view.pinned ?? []), ...ids])];
  return { ...view, pinned };
}

/** A view of exactly a path: its nodes, nothing expanded, the first as the focus. */
export function pathView(ids: readonly string[]): ViewState {
  return { focus: ids[0] ?? null, expanded: [], showAll: false, pinned: [...new Set(ids)] };
}
