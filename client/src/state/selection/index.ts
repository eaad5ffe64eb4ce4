/** The selection domain: the node or drawn edge whose details are open. */
export type Selection = { type: 'node'; id: string } | { type: 'edge'; id: string };

export const sameSelection = (a: Selection | null, b: Selection | null): boolean => a === b || (a !== null && b !== null && a.type === b.type && a.id === b.id);
