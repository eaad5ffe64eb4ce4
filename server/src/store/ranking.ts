/** Keeps `top` as the best `limit` items under `compare`, inserting one item (O(limit)). */
export function insertTop<T>(top: T[], item: T, limit: number, compare: (a: T, b: T) => number): void {
  if (top.length === limit && compare(item, top[top.length - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && compare(item, top[i - 1]!) < 0) i--;
  top.splice(i, 0, item);
  if (top.length > limit) top.pop();
}

/**
 * Items offset to offset + first - 1 of `items` sorted by `compare` (a total order), without
 * sorting them all when the page lies near the front: a broad search matches tens of thousands of
 * nodes, of which a page shows twenty, and sorting them all held the event loop for 100-300 ms.
 * `items` may be reordered.
 */
export function pageOfSorted<T>(items: T[], offset: number, first: number, compare: (a: T, b: T) => number): T[] {
  const wanted = offset + first;
  if (wanted <= 0) return [];
  if (wanted * 16 >= items.length) return items.sort(compare).slice(offset, wanted);
  const top: T[] = [];
  for (const item of items) insertTop(top, item, wanted, compare);
  return top.slice(offset);
}
