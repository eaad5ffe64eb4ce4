import { describe, expect, it } from 'vitest';
import { deriveVisible, emptyGraph, mergeSubgraph } from '../../../client/src/graph/model.js';
import { clearFilters } from '../../../client/src/state/filters/index.js';
import { amongKey, planLoads } from '../../../client/src/state/graphData/loadPlan.js';
import { EDGES, NODES, fullGraph } from './fixtures.js';

describe('planLoads', () => {
  const view = { focus: 'roeselare', expanded: [{ id: 'roeselare', kinds: null }], showAll: false };

  it('asks for the expanded nodes first', () => {
    expect(planLoads(emptyGraph(), view, null, new Set(), 100)).toEqual([{ type: 'expand', id: 'roeselare', kinds: null, first: 100 }]);
  });

  it('asks a hub loaded in part for more when the view draws more than are loaded, and for its links among drawn nodes', () => {
    const hub = mergeSubgraph(
      emptyGraph(),
      {
        nodes: NODES.filter((n) => ['roeselare', 'vvsg'].includes(n.id)),
        edges: EDGES.filter((e) => e.source === 'roeselare' && e.target === 'vvsg'),
      },
      { loaded: [{ id: 'roeselare', kinds: 'ALL', truncated: true, count: 1, total: 3 }] },
    );
    expect(planLoads(hub, view, null, new Set(), 1)).toEqual([]);
    // Loaded over every kind, in part: not known for one kind, which is asked for on its own.
    const oneKind = { ...view, expanded: [{ id: 'roeselare', kinds: ['MEMBER_OF' as const] }] };
    expect(planLoads(hub, oneKind, null, new Set(), 1)).toEqual([{ type: 'expand', id: 'roeselare', kinds: ['MEMBER_OF'], first: 1 }]);
    // Its links with a node added from the table are not all known: the hub is among the nodes to ask about.
    const drawn = deriveVisible(hub, { ...view, pinned: ['vvsg'] }, clearFilters(), {
      partnerships: 'nodes',
      match: null,
      neighbourBudget: 1,
    });
    expect(planLoads(hub, { ...view, pinned: ['vvsg'] }, drawn, new Set(), 1)).toEqual([{ type: 'among', ids: ['roeselare', 'vvsg'] }]);
  });

  it('then for the parties of partnerships next to them and the links among drawn nodes', () => {
    const d = mergeSubgraph(
      emptyGraph(),
      {
        nodes: NODES.filter((n) => ['roeselare', 'roeselare-dogbo', 'vvsg', 'country-be'].includes(n.id)),
        edges: EDGES.filter((e) => e.source === 'roeselare'),
      },
      { loaded: [{ id: 'roeselare', kinds: 'ALL', truncated: false }] },
    );
    const drawn = deriveVisible(d, view, clearFilters(), { partnerships: 'nodes', match: null });
    const steps = planLoads(d, view, drawn, new Set());
    expect(steps).toEqual([
      { type: 'parties', ids: ['roeselare-dogbo'] },
      { type: 'among', ids: ['country-be', 'roeselare-dogbo', 'vvsg'] },
    ]);
    expect(planLoads(d, view, drawn, new Set([amongKey(['vvsg', 'country-be', 'roeselare-dogbo'])]))).toEqual([
      { type: 'parties', ids: ['roeselare-dogbo'] },
    ]);
  });

  it('asks for the whole graph once for "show all", and nothing more when it is complete', () => {
    expect(planLoads(emptyGraph(), { ...view, showAll: true }, null, new Set())[0]).toEqual({ type: 'all' });
    const d = fullGraph();
    expect(
      planLoads(d, { ...view, showAll: true }, deriveVisible(d, view, clearFilters(), { partnerships: 'nodes', match: null }), new Set()),
    ).toEqual([]);
  });

  it('loads a focus that is not expanded on its own', () => {
    expect(planLoads(emptyGraph(), { focus: 'vvsg', expanded: [], showAll: false }, null, new Set())).toEqual([
      { type: 'nodes', ids: ['vvsg'] },
    ]);
  });
});
