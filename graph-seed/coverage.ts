import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Coverage of the seed graph per file (= per chapter of the document): nodes defined there and
 * relationships stated there, the LOCATED_IN a node's `country` field stands for included (the
 * loader derives it in the node's file). Raw YAML, no validation: it also counts an older copy
 * of the data (`git worktree` or `git archive` of an earlier commit) for a before/after table.
 *
 *   npx tsx graph-seed/coverage.ts [<dir>] [--before <dir>]
 */

export interface FileCoverage {
  nodes: number;
  /** All relationships of the file: those stated in it plus the LOCATED_IN of `country` fields. */
  relations: number;
  /** Those written as relationship records (the LOCATED_IN of `country` fields left out). */
  stated: number;
}

interface RawRecord {
  kind?: unknown;
  country?: unknown;
}

export function coverageOf(dir: string): Map<string, FileCoverage> {
  const out = new Map<string, FileCoverage>();
  for (const name of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort((a, b) => a.localeCompare(b))) {
    const doc = (parse(readFileSync(join(dir, name), 'utf8')) ?? {}) as { nodes?: RawRecord[]; relations?: RawRecord[] };
    const nodes = doc.nodes ?? [];
    const derivedLocatedIn = nodes.filter((n) => n.country !== undefined && n.kind !== 'COUNTRY').length;
    const stated = (doc.relations ?? []).length;
    out.set(name, { nodes: nodes.length, relations: stated + derivedLocatedIn, stated });
  }
  return out;
}

/** A Markdown table: one row per file, before and after when a before directory is given. */
export function coverageTable(after: Map<string, FileCoverage>, before?: Map<string, FileCoverage>): string {
  const files = [...new Set([...(before?.keys() ?? []), ...after.keys()])].sort((x, y) => x.localeCompare(y));
  const fields: (keyof FileCoverage)[] = ['nodes', 'relations', 'stated'];
  const labels = ['nodes', 'relationships', 'stated as records'];
  const cells = (m: Map<string, FileCoverage> | undefined, file: string) => fields.map((f) => m?.get(file)?.[f] ?? 0);
  const totals = (m: Map<string, FileCoverage> | undefined) =>
    fields.map((f) => [...(m?.values() ?? [])].reduce((sum, c) => sum + c[f], 0));
  const line = (name: string, a: number[], b?: number[]) => `| ${name} | ${(b ? a.flatMap((x, i) => [b[i], x]) : a).join(' | ')} |`;
  const header = before ? labels.flatMap((l) => [`${l} before`, `${l} after`]) : labels;
  return [
    `| file | ${header.join(' | ')} |`,
    `|---|${header.map(() => '---:').join('|')}|`,
    ...files.map((f) => line(f, cells(after, f), before ? cells(before, f) : undefined)),
    line('**total**', totals(after), before ? totals(before) : undefined),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--before');
  const beforeDir = at >= 0 ? args[at + 1] : undefined;
  const rest = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  const dir = rest[0] ?? new URL('./data', import.meta.url).pathname;
  console.log(coverageTable(coverageOf(dir), beforeDir ? coverageOf(beforeDir) : undefined));
}
