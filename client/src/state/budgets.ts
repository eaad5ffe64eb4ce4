/**
 * Drawing budgets: what the explorer draws at most, so that its cost does not grow with the graph.
 * - overview: above this many elements (nodes and relationships of the whole graph), "/" opens on
 *   the overview (groups and starting points) instead of drawing everything.
 * - neighbours: expanding a node draws at most this many of its neighbours, the best connected
 *   first; the rest wait in the neighbour table.
 * Settings: in the browser's storage (`localStorage.setItem('atlas.overviewBudget', '5000')`,
 * `atlas.neighbourBudget`), read at start; whole numbers of at least 1.
 */
export interface Budgets {
  overview: number;
  neighbours: number;
}

export const DEFAULT_BUDGETS: Budgets = { overview: 2000, neighbours: 100 };

const KEYS: Record<keyof Budgets, string> = { overview: 'atlas.overviewBudget', neighbours: 'atlas.neighbourBudget' };

/** The budgets, each from storage when it holds a whole number of at least 1, else the default. */
export function readBudgets(storage: Pick<Storage, 'getItem'> | null): Budgets {
  const read = (key: keyof Budgets) => {
    const raw = storage?.getItem(KEYS[key]);
    const n = raw ? Number(raw) : NaN;
    return Number.isInteger(n) && n >= 1 ? n : DEFAULT_BUDGETS[key];
  };
  return { overview: read('overview'), neighbours: read('neighbours') };
}
