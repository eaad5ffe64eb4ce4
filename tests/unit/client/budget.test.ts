import { describe, expect, it } from 'vitest';
import { deriveVisible, type ViewState } from '../../../client/src/graph/model.js';
import { countOverlaps, DiscGrid, ringPlacement } from '../../../client/src/graph/placement.js';
import { readBudgets } from '../../../client/src/state/budgets.js';
import { scopeOf } from '../../../client/src/state/controller.js';
import { clearFilters } from '../../../client/src/state/filters/index.js';
import { initialState } from '../../../client/src/state/url.js';
import { focusOn, pathView, pin } from '../../../client/src/state/view/index.js';
import { fullGraph } from './fixtures.js';

const none = clearFilters();
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
const start: ViewState = { focus: null, expanded: [], showAll: false };

describe('the neighbour budget', () => {
  // Roeselare's neighbours: its partnership with Dogbo (degree 3), VVSG (2), Belgium (1).
  it('draws only the best connected neighbours of an expanded node, and says how many wait', () => {
    const g = deriveVisible(fullGraph(), focusOn(start, 'roeselare'), none, { partnerships: 'nodes', match: null, neighbourBudget: 2 });
    expect(ids(g.nodes)).toEqual(['roeselare', 'roeselare-dogbo', 'vvsg']);
    expect(g.budgeted).toEqual([{ id: 'roeselare', total: 3, shown: 2 }]);
  });

  it('counts the neighbours the API said a hub has when only some are loaded, and those added from the table as drawn', () => {
    const data = fullGraph();
    const partial = {
      ...data,
      loaded: new Map([...data.loaded, ['roeselare', { kinds: 'ALL' as const, truncated: true, count: 3, total: 250 }]]),
    };
    const g = deriveVisible(partial, focusOn(start, 'roeselare'), none, { partnerships: 'nodes', match: null, neighbourBudget: 2 });
    expect(g.budgeted).toEqual([{ id: 'roeselare', total: 250, shown: 2 }]);
    const added = deriveVisible(partial, pin(focusOn(start, 'roeselare'), ['country-be']), none, {
      partnerships: 'nodes',
      match: null,
      neighbourBudget: 2,
    });
    expect(added.budgeted).toEqual([{ id: 'roeselare', total: 250, shown: 3 }]);
  });

  it('draws nodes added one by one beside the budget', () => {
    const pinned = deriveVisible(fullGraph(), pin(focusOn(start, 'roeselare'), ['water']), none, {
      partnerships: 'nodes',
      match: null,
      neighbourBudget: 1,
    });
    expect(ids(pinned.nodes)).toEqual(['roeselare', 'roeselare-dogbo', 'water']);
  });

  it('shows exactly a path: its nodes and the relationships between them', () => {
    const g = deriveVisible(fullGraph(), pathView(['zoersel', 'vvsg', 'roeselare']), none, {
      partnerships: 'nodes',
      match: null,
      neighbourBudget: 100,
    });
    expect(ids(g.nodes)).toEqual(['roeselare', 'vvsg', 'zoersel']);
    expect(ids(g.edges)).toEqual(['roeselare--MEMBER_OF--vvsg', 'zoersel--MEMBER_OF--vvsg']);
  });
});

describe("partnerships in 'auto' mode", () => {
  it('draws a partnership that only joins its parties as a link, and one with more to show as a node', () => {
    const view: ViewState = {
      focus: null,
      expanded: [
        { id: 'zoersel', kinds: null },
        { id: 'roeselare', kinds: null },
      ],
      showAll: false,
    };
    const g = deriveVisible(fullGraph(), view, none, { partnerships: 'auto', match: null });
    // Zoersel - Bohicon has nothing but its two parties; Roeselare - Dogbo also exemplifies an approach.
    expect(g.edges.find((e) => e.kind === 'PARTNERSHIP')).toMatchObject({
      source: 'bohicon',
      target: 'zoersel',
      partnershipId: 'zoersel-bohicon',
    });
    expect(ids(g.nodes)).toContain('roeselare-dogbo');
    expect(ids(g.nodes)).not.toContain('zoersel-bohicon');
  });
});

describe('ring placement', () => {
  it('places new nodes around their anchor without covering each other, the anchor or what is drawn', () => {
    const centre = { x: 0, y: 0, r: 40 };
    const obstacles = [
      { x: 90, y: 0, r: 30 },
      { x: -20, y: -120, r: 25 },
    ];
    const items = Array.from({ length: 100 }, (_, i) => ({ id: `n${i}`, r: 10 + (i % 4) * 5 }));
    const placed = ringPlacement(centre, items, obstacles, { gap: 8 });
    expect(placed.map((p) => p.id)).toEqual(items.map((i) => i.id));
    const discs = [centre, ...obstacles, ...placed.map((p, i) => ({ x: p.x, y: p.y, r: items[i]!.r }))];
    expect(countOverlaps(discs)).toBe(0);
  });

  it('places around several anchors sharing one grid: what one anchor placed, the next keeps clear of', () => {
    // Two anchors 60 px apart: their rings cross, so the second must step round the first's items.
    const a = { x: 0, y: 0, r: 10 };
    const b = { x: 60, y: 0, r: 10 };
    const grid = new DiscGrid(40);
    for (const d of [a, b]) grid.add(d);
    const around = (prefix: string) => Array.from({ length: 12 }, (_, i) => ({ id: `${prefix}${i}`, r: 8 }));
    const first = ringPlacement(a, around('a'), grid, { gap: 4 });
    const second = ringPlacement(b, around('b'), grid, { gap: 4 });
    expect(first).toHaveLength(12);
    expect(second).toHaveLength(12);
    const discs = [a, b, ...[...first, ...second].map((p) => ({ x: p.x, y: p.y, r: 8 }))];
    expect(countOverlaps(discs)).toBe(0);
    // Without sharing, the second placement would cover the first's items.
    const alone = ringPlacement(b, around('b'), [b], { gap: 4 });
    expect(countOverlaps([...first, ...alone].map((p) => ({ x: p.x, y: p.y, r: 8 })))).toBeGreaterThan(0);
  });

  it('counts overlapping pairs', () => {
    // a and b touch (distance 10 < 6 + 6); c is far from both.
    expect(
      countOverlaps([
        { x: 0, y: 0, r: 6 },
        { x: 10, y: 0, r: 6 },
        { x: 100, y: 0, r: 6 },
      ]),
    ).toBe(1);
    expect(
      countOverlaps([
        { x: 0, y: 0, r: 5 },
        { x: 10, y: 0, r: 5 },
      ]),
    ).toBe(0);
  });
});

describe('budgets', () => {
  it('reads whole numbers from storage and falls back to the defaults', () => {
    expect(readBudgets(null)).toEqual({ overview: 2000, neighbours: 100 });
    const storage = { getItem: (k: string) => ({ 'atlas.overviewBudget': '500', 'atlas.neighbourBudget': '-3' })[k] ?? null };
    expect(readBudgets(storage)).toEqual({ overview: 500, neighbours: 100 });
  });
});

describe('what "show all" draws', () => {
  const budgets = { overview: 2000, neighbours: 100 };
  const seed = { nodeCount: 344, relationCount: 594, nodesByKind: [] };
  const twinCities = { nodeCount: 42_322, relationCount: 67_116, nodesByKind: [] };
  it('is the whole graph within the budget, else what the filters match when it fits, else the overview', () => {
    const app = initialState();
    expect(scopeOf(app, seed, null, budgets)).toBe('all');
    expect(scopeOf(app, twinCities, null, budgets)).toBe('overview');
    expect(scopeOf(app, twinCities, new Set(['a', 'b']), budgets)).toBe('matched');
    expect(scopeOf(app, twinCities, new Set(Array.from({ length: 2001 }, (_, i) => `n${i}`)), budgets)).toBe('overview');
    expect(scopeOf({ ...app, view: { ...app.view, showAll: false } }, twinCities, null, budgets)).toBe('view');
    // Until the API says how big the graph is, nothing is drawn whole.
    expect(scopeOf(app, null, null, budgets)).toBe('overview');
  });
});
