import type { ImportReport } from './planImport.js';

const n = (x: number) => x.toLocaleString('en');
const counts = (c: Record<string, number>) =>
  Object.keys(c).length === 0
    ? 'none'
    : Object.entries(c)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${n(v)} ${k}`)
        .join(', ');

/** The import report as text for a terminal: what would be (or was) created, merged, skipped and why, with rows. */
export function formatReport(report: ImportReport, options: { applied: boolean; dryRun: boolean; maxRowsListed?: number }): string {
  const listed = options.maxRowsListed ?? 8;
  const lines: string[] = [];
  const verb = options.dryRun ? 'would be' : 'were';
  lines.push(`${report.file} (${report.format}${report.preset ? `, preset ${report.preset}` : ''}): ${n(report.rows)} rows`);
  if (report.noChange) {
    lines.push('  Nothing to change: the graph already holds everything this file says.');
  } else {
    lines.push(
      `  created ${options.dryRun ? '(would be)' : ''}: nodes ${counts(report.created.nodes)}; relationships ${counts(report.created.relations)}`.replace(
        ' :',
        ':',
      ),
    );
    lines.push(
      `  updated ${options.dryRun ? '(would be)' : ''}: ${n(report.merged.updatedNodes)} nodes, ${n(report.merged.updatedRelations)} relationships (new facts or provenance on what the graph had)`.replace(
        ' :',
        ':',
      ),
    );
  }
  const { byName, byId, byWikidata } = report.matchedExisting;
  lines.push(
    `  matched existing nodes: ${n(byName)} by name and country, ${n(byId)} by id${byWikidata > 0 ? `, ${n(byWikidata)} by Wikidata item` : ''}`,
  );
  for (const e of report.matchedExisting.examples.slice(0, 5)) lines.push(`    ${e.where}: "${e.name}" is ${e.id}`);
  if (report.skippedRows > 0) {
    lines.push(`  skipped: ${n(report.skippedRows)} rows ${verb} skipped:`);
    for (const group of report.skipped) {
      const rows = group.rows.slice(0, listed).join(', ') + (group.rows.length > listed ? `, ... (${n(group.rows.length)} in all)` : '');
      lines.push(`    ${n(group.rows.length)} × ${group.reason}`);
      lines.push(`        ${rows}`);
    }
  }
  if (report.conflicts.count > 0) {
    lines.push(
      `  conflicts: ${n(report.conflicts.count)} values differ from the graph's (the graph's kept; --replace to take the file's):`,
    );
    for (const c of report.conflicts.examples.slice(0, 5)) lines.push(`    ${c}`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  if (options.dryRun && !report.noChange) lines.push('  This was a dry run: nothing was written. Run again with --apply to import.');
  return lines.join('\n');
}
