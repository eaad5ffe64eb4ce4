import { describe, expect, it } from 'vitest';
import {
  deriveVisible,
  emptyGraph,
  mergeSubgraph,
  nodesWithUnknownLinks,
  partiesOf,
  relationsKnown,
  renameNodes,
  type FilterState,
  type ViewState,
} from '../../../client/src/graph/model.js';
import { clearFilters, initialFilters, toggleNodeKind, toggleRelationKind } from '../../../client/src/state/filters/index.js';
import { collapse, expand, focusOn } from '../../../client/src/state/view/index.js';
import { EDGES, NODES, fullGraph } from './fixtures.js';

const none: FilterState = clearFilters();
const view = (v: Partial<ViewState>): ViewState => ({ focus: null, expanded: [], showAll: false, ...v });
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
const nodesOnly = { partnerships: 'nodes' as const, match: null };

describe('the graph model', () => {
  it('renames loaded nodes (a language switch) and keeps the same data when no name changes', () => {
    const data = fullGraph();
    const roeselare = data.nodes.get('roeselare')!;
    expect(renameNodes(data, new Map([['roeselare', roeselare.name]]))).toBe(data);
    expect(renameNodes(data, new Map([['not-loaded', 'Nergens']]))).toBe(data);
    const renamed = renameNodes(data, new Map([['roeselare', 'Roulers']]));
    expect(renamed.nodes.get('roeselare')).toEqual({ ...roeselare, name: 'Roulers' });
    expect(data.nodes.get('roeselare')!.name).toBe(roeselare.name);
    expect(renamed.edges).toBe(data.edges);
    expect(renamed.nodes.size).toBe(data.nodes.size);
  });

  it('merges subgraphs without changing the one it was given', () => {
    const a = emptyGraph();
    const b = mergeSubgraph(a, { nodes: NODES.slice(0, 2), edges: [] }, { loaded: [{ id: 'roeselare', kinds: 'ALL', truncated: false }] });
    expect(a.nodes.size).toBe(0);
    expect(b.nodes.size).toBe(2);
    expect(relationsKnown(b, 'roeselare', null)).toBe(true);
    expect(relationsKnown(b, 'dogbo', null)).toBe(false);
  });

  it('adds the kinds of a partial load to what is known, and "all" covers any kinds', () => {
    let d = mergeSubgraph(
      emptyGraph(),
      { nodes: NODES, edges: [] },
      { loaded: [{ id: 'roeselare', kinds: ['MEMBER_OF'], truncated: false }] },
    );
    d = mergeSubgraph(d, { nodes: [], edges: [] }, { loaded: [{ id: 'roeselare', kinds: ['PARTY_TO'], truncated: false }] });
    expect(relationsKnown(d, 'roeselare', ['MEMBER_OF', 'PARTY_TO'])).toBe(true);
    expect(relationsKnown(d, 'roeselare', null)).toBe(false);
    d = mergeSubgraph(d, { nodes: [], edges: [] }, { loaded: [{ id: 'roeselare', kinds: 'ALL', truncated: false }] });
    expect(relationsKnown(d, 'roeselare', ['LOCATED_IN'])).toBe(true);
  });

  it('finds the parties of a partnership from its PARTY_TO relationships', () => {
    expect(partiesOf(fullGraph(), 'roeselare-dogbo').sort()).toEqual(['dogbo', 'roeselare']);
  });
});

describe('deriveVisible', () => {
  it('draws the focus and the neighbours of expanded nodes, with every relationship among them', () => {
    const g = deriveVisible(fullGraph(), focusOn(view({}), 'roeselare'), none, nodesOnly);
    expect(ids(g.nodes)).toEqual(['country-be', 'roeselare', 'roeselare-dogbo', 'vvsg']);
    expect(ids(g.edges)).toEqual([
      'roeselare--LOCATED_IN--country-be',
      'roeselare--MEMBER_OF--vvsg',
      'roeselare--PARTY_TO--roeselare-dogbo',
    ]);
    expect(g.nodes.find((n) => n.id === 'roeselare')).toMatchObject({ focus: true, expanded: true });
  });

  it('follows only the chosen relationship kinds of an expansion', () => {
    const v = expand(view({ focus: 'roeselare' }), 'roeselare', ['MEMBER_OF']);
    expect(ids(deriveVisible(fullGraph(), v, none, nodesOnly).nodes)).toEqual(['roeselare', 'vvsg']);
  });

  it('collapsing removes what only that expansion brought in', () => {
    const v = expand(focusOn(view({}), 'roeselare'), 'vvsg');
    expect(ids(deriveVisible(fullGraph(), v, none, nodesOnly).nodes)).toContain('zoersel');
    expect(ids(deriveVisible(fullGraph(), collapse(v, 'vvsg'), none, nodesOnly).nodes)).not.toContain('zoersel');
  });

  it('draws a partnership as a direct edge between its parties in edges mode, labelled by its type', () => {
    const g = deriveVisible(fullGraph(), focusOn(view({}), 'roeselare'), none, { partnerships: 'edges', match: null });
    expect(ids(g.nodes)).toEqual(['country-be', 'dogbo', 'roeselare', 'vvsg']);
    const p = g.edges.find((e) => e.kind === 'PARTNERSHIP');
    expect(p).toMatchObject({ source: 'dogbo', target: 'roeselare', partnershipId: 'roeselare-dogbo', partnershipType: 'CITY_TO_CITY' });
    expect(g.edges.some((e) => e.kind === 'PARTY_TO')).toBe(false);
  });

  it('keeps a partnership as a node in edges mode while fewer than two parties are drawn', () => {
    const d = mergeSubgraph(
      emptyGraph(),
      { nodes: NODES.filter((n) => n.id !== 'dogbo'), edges: EDGES.filter((e) => e.source !== 'dogbo') },
      { loaded: [{ id: 'roeselare', kinds: 'ALL', truncated: false }] },
    );
    const g = deriveVisible(d, focusOn(view({}), 'roeselare'), none, { partnerships: 'edges', match: null });
    expect(ids(g.nodes)).toContain('roeselare-dogbo');
  });

  it('hides filtered node kinds, but never the focus, and counts what it hides', () => {
    const f = toggleNodeKind(toggleNodeKind(none, 'COUNTRY'), 'MUNICIPALITY');
    const g = deriveVisible(fullGraph(), focusOn(view({}), 'roeselare'), f, nodesOnly);
    expect(ids(g.nodes)).toEqual(['roeselare', 'roeselare-dogbo', 'vvsg']);
    expect(g.hidden).toMatchObject({ total: 1, byNodeKind: 1 });
  });

  it('hides relationships of filtered kinds and the neighbours reached only through them', () => {
    const g = deriveVisible(fullGraph(), focusOn(view({}), 'roeselare'), toggleRelationKind(none, 'LOCATED_IN'), nodesOnly);
    expect(ids(g.nodes)).not.toContain('country-be');
    expect(g.edges.some((e) => e.kind === 'LOCATED_IN')).toBe(false);
  });

  it('applies the API attribute match to matched kinds and drops context nodes left unlinked', () => {
    const f: FilterState = { ...none, countries: ['BJ'] };
    const match = new Set(['dogbo', 'bohicon', 'roeselare-dogbo', 'zoersel-bohicon']);
    const g = deriveVisible(fullGraph(), view({ showAll: true }), f, { partnerships: 'nodes', match });
    expect(ids(g.nodes)).toEqual(['approach-c2c', 'bohicon', 'dogbo', 'roeselare-dogbo', 'water', 'zoersel-bohicon']);
    expect(g.hidden.byAttributes).toBe(3);
    expect(g.hidden.byContext).toBe(1);
  });

  it('keeps the nodes a filter names (a chosen approach stays, even unlinked)', () => {
    const f: FilterState = { ...none, approaches: ['approach-c2c'] };
    const g = deriveVisible(fullGraph(), view({ showAll: true }), f, { partnerships: 'nodes', match: new Set<string>() });
    expect(ids(g.nodes)).toEqual(['approach-c2c']);
  });

  it('shows every node with showAll, and hides sources by default', () => {
    const d = mergeSubgraph(fullGraph(), { nodes: [{ id: 'doc', kind: 'SOURCE', name: 'A report', degree: 0 }], edges: [] });
    const g = deriveVisible(d, view({ showAll: true }), initialFilters(), nodesOnly);
    expect(g.nodes.length).toBe(NODES.length);
    expect(g.hidden.byNodeKind).toBe(1);
  });

  it('reports nodes the view needs that are not loaded, and expansions cut short', () => {
    const d = mergeSubgraph(emptyGraph(), { nodes: NODES, edges: [] }, { loaded: [{ id: 'vvsg', kinds: 'ALL', truncated: true }] });
    const g = deriveVisible(d, expand(expand(view({ focus: 'nowhere' }), 'roeselare'), 'vvsg'), none, nodesOnly);
    expect(g.missing.sort()).toEqual(['nowhere', 'roeselare']);
    expect(g.truncated).toEqual(['vvsg']);
  });

  it('knows which drawn nodes may have relationships not loaded yet', () => {
    const d = mergeSubgraph(emptyGraph(), { nodes: NODES, edges: [] }, { loaded: [{ id: 'roeselare', kinds: 'ALL', truncated: false }] });
    expect(nodesWithUnknownLinks(d, ['roeselare', 'vvsg', 'dogbo'])).toEqual(['vvsg', 'dogbo']);
    expect(nodesWithUnknownLinks(fullGraph(), ['vvsg', 'dogbo'])).toEqual([]);
  });
});
