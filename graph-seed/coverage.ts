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
  relations: number;
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
    out.set(name, { nodes: nodes.length, relations: (doc.relations ?? []).length + derivedLocatedIn });
  }
  return out;
}

/** A Markdown table: one row per file, before and after when a before directory is given. */
export function coverageTable(after: Map<string, FileCoverage>, before?: Map<string, FileCoverage>): string {
  const files = [...new Set([...(before?.keys() ?? []), ...after.keys()])].sort((a, b) => a.localeCompare(b));
  const total = (m: Map<string, FileCoverage> | undefined, f: keyof FileCoverage) => [...(m?.values() ?? [])].reduce((s, c) => s + c[f], 0);
  const cell = (m: Map<string, FileCoverage> | undefined, file: string, f: keyof FileCoverage) => String(m?.get(file)?.[f] ?? 0);
  if (!before) {
    const rows = files.map((f) => `| ${f} | ${cell(after, f, 'nodes')} | ${cell(after, f, 'relations')} |`);
    return [
      '| file | nodes | relationships |',
      '|---|---:|---:|',
      ...rows,
      `| **total** | ${total(after, 'nodes')} | ${total(after, 'relations')} |`,
    ].join('\n');
  }
  const rows = files.map(
    (f) =>
      `| ${f} | ${cell(before, f, 'nodes')} | ${cell(after, f, 'nodes')} | ${cell(before, f, 'relations')} | ${cell(after, f, 'relations')} |`,
  );
  return [
    '| file | nodes before | nodes after | relationships before | relationships after |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    `| **total** | ${total(before, 'nodes')} | ${total(after, 'nodes')} | ${total(before, 'relations')} | ${total(after, 'relations')} |`,
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
