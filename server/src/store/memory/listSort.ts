import type { GraphNode } from '../../domain/model.js';
import type { NodeSort } from '../GraphStore.js';
import { compareStrings } from '../../domain/normalize.js';

/** The year a node is sorted by (see NodeSort): since, else startYear, else foundedYear, else year. */
export function sortYear(node: GraphNode): number | undefined {
  return node.since ?? node.startYear ?? node.foundedYear ?? node.year;
}

/** Comparator implementing the NodeSort contract; ties by normalised name, then id. */
export function compareForSort(
  a: GraphNode,
  b: GraphNode,
  sort: NodeSort,
  degree: (id: string) => number,
  sortName: (id: string) => string,
): number {
  const sign = sort.direction === 'ASC' ? 1 : -1;
  let primary: number;
  if (sort.field === 'DEGREE') primary = sign * (degree(a.id) - degree(b.id));
  else if (sort.field === 'YEAR') {
    const ya = sortYear(a);
    const yb = sortYear(b);
    if (ya === undefined || yb === undefined) primary = ya === yb ? 0 : ya === undefined ? 1 : -1;
    else primary = sign * (ya - yb);
  } else primary = sign * compareStrings(sortName(a.id), sortName(b.id));
  return primary || compareStrings(sortName(a.id), sortName(b.id)) || compareStrings(a.id, b.id);
}
