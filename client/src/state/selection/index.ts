import type { ElementRef } from '../../graph/highlight.js';

/** The selection domain: the node or drawn edge whose details are open. */
export type Selection = ElementRef;

export const sameSelection = (a: Selection | null, b: Selection | null): boolean =>
  a === b || (a !== null && b !== null && a.type === b.type && a.id === b.id);
