import { BadUserInputError } from '../domain/errors.js';
import type { Page } from '../store/GraphStore.js';

const PREFIX = 'offset:';

/** Cursors are opaque to clients; inside they are offsets in the ordered result. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64url');
}

/** The offset to start at after the given cursor (0 without one). */
export function offsetAfter(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const decoded = Buffer.from(after, 'base64url').toString();
  const offset = Number(decoded.slice(PREFIX.length));
  if (!decoded.startsWith(PREFIX) || !Number.isSafeInteger(offset) || offset < 0) {
    throw new BadUserInputError(
      '"after" is not a cursor from this API: pass the endCursor of the previous page, or leave it out to start at the beginning.',
      'after',
    );
  }
  return offset + 1;
}

export function pageSize(first: number | null | undefined, limits: { default: number; max: number }, argument = 'first'): number {
  const size = first ?? limits.default;
  if (!Number.isInteger(size) || size < 1 || size > limits.max) {
    throw new BadUserInputError(
      `"${argument}" must be between 1 and ${limits.max} (got ${size}); fetch more with the "after" cursor.`,
      argument,
    );
  }
  return size;
}

/** A Relay connection from a store page, each item turned into an edge by `toEdge`. */
export function toConnection<T, E>(page: Page<T>, toEdge: (item: T, cursor: string) => E) {
  const edges = page.items.map((item, i) => toEdge(item, encodeCursor(page.offset + i)));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.offset > 0,
      startCursor: edges.length > 0 ? encodeCursor(page.offset) : null,
      endCursor: edges.length > 0 ? encodeCursor(page.offset + edges.length - 1) : null,
    },
  };
}
