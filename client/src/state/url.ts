import type { NodeKind, RelationKind } from '../gql/graphql.js';
import { isNodeKind, isRelationKind } from '../graph/kinds.js';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/languages.js';
import { decodePeerOptions, encodePeerOptions, initialPeerOptions, type PeerOptions } from './analysis/index.js';
import { initialDisplay, isLayoutName, type DisplayState } from './display/index.js';
import { DEFAULT_HIDDEN_NODE_KINDS, initialFilters, type FilterState } from './filters/index.js';
import type { Selection } from './selection/index.js';
import { initialView, type Expansion, type ViewState } from './view/index.js';

/** Everything that defines a view. It all lives in the URL, so a copied link opens the same view. */
export interface AppState {
  view: ViewState;
  filters: FilterState;
  display: DisplayState;
  selection: Selection | null;
  /** The peers panel's settings. */
  peers: PeerOptions;
  /** The explorer's language (en, nl, fr): part of the view, so a copied link opens in it. */
  lang: Lang;
}

export const initialState = (): AppState => ({
  view: initialView(),
  filters: initialFilters(),
  display: initialDisplay(),
  selection: null,
  peers: initialPeerOptions(),
  lang: DEFAULT_LANG,
});

/*
 * The query string, parameters written only when they differ from the initial state:
 *   focus=ID  x=ID  x=ID~KIND.KIND (expanded, in order)  all=0  hide=KIND.KIND (node kinds; empty = none)
 *   rels=KIND.KIND  country=BE  approach=ID  theme=ID  network=ID  program=ID  years=FROM-TO
 *   layout=NAME  pship=edges|nodes  size=0  panel=list|map (view=map read too)  group=network|kind  sel=node:ID | edge:ID
 *   pin=ID (added one by one, as from the neighbour table)
 *   Older links' x=ID~KIND.KIND@N (N neighbours drawn) open the expansion with the budget; the table offers the rest.
 *   the peers panel's pm, pw, pb, pc, pl, pt (state/analysis encodePeerOptions)
 *   lang=nl|fr (English is not written); without it, the language the controller detects (i18n/languages.ts)
 * Repeated parameters rather than separators inside one, so ids may contain any character.
 */

const kindsList = (s: string): string[] => s.split('.').filter((k) => k.length > 0);
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

export function encodeState(state: AppState): string {
  const p = new URLSearchParams();
  const { view, filters, display, selection } = state;
  if (view.focus !== null) p.set('focus', view.focus);
  for (const e of view.expanded) p.append('x', encodeExpansion(e));
  for (const id of view.pinned ?? []) p.append('pin', id);
  if (!view.showAll) p.set('all', '0');
  if (!sameSet(filters.hiddenNodeKinds, DEFAULT_HIDDEN_NODE_KINDS)) p.set('hide', [...filters.hiddenNodeKinds].sort().join('.'));
  if (filters.hiddenRelationKinds.length > 0) p.set('rels', [...filters.hiddenRelationKinds].sort().join('.'));
  for (const c of filters.countries) p.append('country', c);
  for (const a of filters.approaches) p.append('approach', a);
  for (const t of filters.themes) p.append('theme', t);
  for (const n of filters.networks) p.append('network', n);
  for (const g of filters.programs) p.append('program', g);
  if (filters.years.from !== null || filters.years.to !== null) p.set('years', `${filters.years.from ?? ''}-${filters.years.to ?? ''}`);
  const d0 = initialDisplay();
  if (display.layout !== d0.layout) p.set('layout', display.layout);
  if (display.partnerships !== d0.partnerships) p.set('pship', display.partnerships);
  if (display.sizeByDegree !== d0.sizeByDegree) p.set('size', display.sizeByDegree ? '1' : '0');
  if (display.panel !== d0.panel) p.set('panel', display.panel);
  if (display.groupBy !== d0.groupBy) p.set('group', display.groupBy.toLowerCase());
  if (selection) p.set('sel', `${selection.type}:${selection.id}`);
  encodePeerOptions(state.peers, p);
  if (state.lang !== DEFAULT_LANG) p.set('lang', state.lang);
  return p.toString();
}

function encodeExpansion(e: Expansion): string {
  return e.kinds ? `${e.id}~${e.kinds.join('.')}` : e.id;
}

function decodeExpansion(value: string): Expansion | null {
  const tilde = value.lastIndexOf('~');
  if (tilde > 0) {
    const m = /^([A-Z_.]*?)(?:@(\d{1,6}))?$/.exec(value.slice(tilde + 1));
    const kinds = m ? kindsList(m[1]!) : [];
    // An older link's @N (neighbours drawn) is read and left: the expansion draws the budget.
    if (m && kinds.every(isRelationKind) && (kinds.length > 0 || m[2]))
      return { id: value.slice(0, tilde), kinds: kinds.length > 0 ? [...new Set(kinds as RelationKind[])].sort() : null };
  }
  return value.length > 0 ? { id: value, kinds: null } : null;
}

function decodeYear(s: string | undefined): number | null {
  if (!s || !/^\d{1,4}$/.test(s)) return null;
  return Number(s);
}

const sortedUnique = (xs: string[]) => [...new Set(xs.filter((x) => x.length > 0))].sort();

/**
 * The state a query string describes; anything it cannot read is left at the initial value. Without
 * a valid ?lang=, the language is `lang` (the stored choice or the browser's, as detected).
 */
export function decodeState(search: string, lang: Lang = DEFAULT_LANG): AppState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state = initialState();
  const focus = p.get('focus');
  if (focus) state.view.focus = focus;
  const seen = new Set<string>();
  for (const x of p.getAll('x')) {
    const e = decodeExpansion(x);
    if (e && !seen.has(e.id)) {
      seen.add(e.id);
      state.view.expanded.push(e);
    }
  }
  const pinned = [...new Set(p.getAll('pin').filter((id) => id.length > 0))];
  if (pinned.length > 0) state.view.pinned = pinned;
  if (p.get('all') === '0') state.view.showAll = false;
  const hide = p.get('hide');
  if (hide !== null) state.filters.hiddenNodeKinds = sortedUnique(kindsList(hide).filter(isNodeKind)) as NodeKind[];
  const rels = p.get('rels');
  if (rels !== null) state.filters.hiddenRelationKinds = sortedUnique(kindsList(rels).filter(isRelationKind)) as RelationKind[];
  state.filters.countries = sortedUnique(p.getAll('country').filter((c) => /^[A-Z]{2}$/.test(c)));
  state.filters.approaches = sortedUnique(p.getAll('approach'));
  state.filters.themes = sortedUnique(p.getAll('theme'));
  state.filters.networks = sortedUnique(p.getAll('network'));
  state.filters.programs = sortedUnique(p.getAll('program'));
  const years = p.get('years');
  if (years !== null) {
    const m = /^(\d{0,4})-(\d{0,4})$/.exec(years);
    if (m) {
      const from = decodeYear(m[1]);
      const to = decodeYear(m[2]);
      state.filters.years = from !== null && to !== null && from > to ? { from: to, to: from } : { from, to };
    }
  }
  const layout = p.get('layout');
  if (layout && isLayoutName(layout)) state.display.layout = layout;
  const pship = p.get('pship');
  if (pship === 'edges' || pship === 'nodes' || pship === 'auto') state.display.partnerships = pship;
  const size = p.get('size');
  if (size === '0' || size === '1') state.display.sizeByDegree = size === '1';
  const panel = p.get('panel') ?? p.get('view');
  if (panel === 'list' || panel === 'map') state.display.panel = panel;
  const group = p.get('group')?.toUpperCase();
  if (group === 'COUNTRY' || group === 'NETWORK' || group === 'KIND') state.display.groupBy = group;
  const sel = p.get('sel');
  if (sel) {
    const colon = sel.indexOf(':');
    const type = sel.slice(0, colon);
    const id = sel.slice(colon + 1);
    if ((type === 'node' || type === 'edge') && id.length > 0) state.selection = { type, id };
  }
  state.peers = decodePeerOptions(p);
  const asked = p.get('lang');
  state.lang = isLang(asked) ? asked : lang;
  return state;
}
