/**
 * The cost estimate of an operation, remembered per document and per the variables' shape, so the
 * walk over the document (graphql-query-complexity's `visit` with a TypeInfo: the largest fixed
 * cost of a small request, see docs/adr/0003-jit-execution.md) runs once per distinct operation,
 * not once per request.
 *
 * What the estimate can depend on, besides the document: numbers (`first`, `limit`), booleans
 * (`@include(if:)`, `@skip(if:)`), which variables are given or null, and how long lists are
 * (`ids`). It never reads a string's value (costModel.ts's estimator reads `first`, `limit` and the
 * length of `ids`; no directive takes a string). So the key keeps every number, boolean, null and
 * list length, and every string becomes the same placeholder: a thousand look-ups of different
 * node ids share one entry, while `first: 10` and `first: 100` do not. If an estimator ever reads
 * a string's value, `variableShape` must keep it.
 */

/** How the cost of an operation may depend on its variables: everything but the strings' text. */
export function variableShape(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return 's';
    case 'number':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'u';
    case 'object': {
      if (Array.isArray(value)) {
        let out = `[${value.length}:`;
        for (const item of value) out += `${variableShape(item)},`;
        return `${out}]`;
      }
      let out = '{';
      for (const key of Object.keys(value).sort())
        out += `${JSON.stringify(key)}:${variableShape((value as Record<string, unknown>)[key])},`;
      return `${out}}`;
    }
    default:
      // Functions, symbols and bigints cannot come from JSON, and no estimator reads them.
      return typeof value;
  }
}

/** A key longer than this (variables with huge lists) is not worth keeping: such requests are computed every time. */
const MAX_KEY_LENGTH = 2_000;

/** A bounded map of costs, least recently used out first. */
export class CostCache {
  private readonly entries = new Map<string, number>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 5_000) {}

  /** The key of one operation with these variables, or undefined when it is not to be cached. */
  static key(
    queryHash: string,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | undefined,
  ): string | undefined {
    const key = `${queryHash}\u0000${operationName ?? ''}\u0000${variableShape(variables ?? {})}`;
    return key.length <= MAX_KEY_LENGTH ? key : undefined;
  }

  /** The cost for this key, computing (and keeping) it on a miss. */
  get(key: string | undefined, compute: () => number): number {
    if (key === undefined) return compute();
    const known = this.entries.get(key);
    if (known !== undefined) {
      this.hits++;
      // Refresh: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    this.misses++;
    const cost = compute();
    this.entries.set(key, cost);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return cost;
  }

  get size(): number {
    return this.entries.size;
  }
}
