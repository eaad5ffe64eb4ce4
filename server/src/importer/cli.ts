import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import cliProgress from 'cli-progress';
import { runCli } from '../cli/runCli.js';
import { readConfig } from '../config.js';
import { UsageError } from '../domain/errors.js';
import { openStore } from '../openStore.js';
import { formatReport } from './formatReport.js';
import { DEFAULT_MAX_ROWS, formatOf, parseMappingText, pathSource, runImport, type ImportFormat } from './runImport.js';

const USAGE = `Usage: npm run import -- <file> [<more files>] [options]
  (several files are one import, all or nothing: an export's nodes.csv and edges.csv)
  --apply             write (default: a dry run that reports what would change)
  --mapping <file>    YAML or JSON mapping of columns to nodes and relationships (see docs/data.md)
  --preset <name>     pairs | memberships | nodes | edges | geonames (default: detected from the header)
  --format <format>   csv | tsv | json | graphml (default: from the file name)
  --replace           take the file's value where it differs from the graph's (default: keep the graph's)
  --report <file>     also write the full report as JSON
  --max-rows <n>      refuse larger files (default ${DEFAULT_MAX_ROWS.toLocaleString('en')})
The store is the server's: GRAPH_STORE, NEO4J_*, ATLAS_DATA_DIR (see docs/data.md).`;

const isCi = () => ['true', '1', 'yes'].includes((process.env.CI ?? '').toLowerCase());

await runCli({
  name: 'import',
  usage: USAGE,
  options: {
    apply: { type: 'boolean', default: false },
    mapping: { type: 'string' },
    preset: { type: 'string' },
    format: { type: 'string' },
    replace: { type: 'boolean', default: false },
    report: { type: 'string' },
    'max-rows': { type: 'string' },
  },
  run: async ({ values, positionals }) => {
    if (positionals.length === 0) throw new UsageError('name the file to import.');
    const path = positionals[0]!;
    const maxRows = values['max-rows'] === undefined ? DEFAULT_MAX_ROWS : Number(values['max-rows']);
    if (!Number.isInteger(maxRows) || maxRows < 1)
      throw new UsageError(`--max-rows must be a whole number of at least 1 (got "${values['max-rows']}").`);
    const format: ImportFormat = formatOf(path, values.format);
    let mapping: unknown =
      values.mapping === undefined ? undefined : parseMappingText(readFileSync(values.mapping, 'utf8'), values.mapping);
    if (values.preset !== undefined) mapping = { ...((mapping as object | undefined) ?? {}), preset: values.preset };
    const config = readConfig();
    if (values.apply && config.store === 'memory' && config.dataDir === undefined) {
      throw new UsageError(
        '--apply needs a store that keeps what it is given: set ATLAS_DATA_DIR (the embedded store persists there; the server then serves it with the same setting) or GRAPH_STORE=neo4j. Without --apply this is a dry run against the seed graph.',
      );
    }
    const opened = await openStore(config);
    const { store } = opened;
    try {
      console.error(opened.description);

      const tty = process.stderr.isTTY && !isCi();
      const bar = tty
        ? new cliProgress.SingleBar(
            {
              format: '{phase} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
              stream: process.stderr,
              hideCursor: true,
              etaBuffer: 50,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      let phase: string | undefined;
      const started = performance.now();
      const outcome = await runImport(store, {
        sources: positionals.map((p) => pathSource(p)),
        format,
        mapping,
        apply: values.apply,
        replace: values.replace,
        maxRows,
        actor: `cli:${userInfo().username}`,
        onProgress: (p, done, total, rows) => {
          if (!bar) return;
          const label = p === 'read' ? 'Reading ' : 'Writing ';
          const rate = Math.round(rows / Math.max(0.001, (performance.now() - started) / 1000));
          if (phase !== label) {
            if (phase) bar.stop();
            phase = label;
            bar.start(total, done, { phase: label, rows, rate });
          } else bar.update(done, { rows, rate });
        },
      });
      bar?.stop();
      const seconds = outcome.timings.totalMs / 1000;
      console.log(formatReport(outcome.report, { applied: outcome.applied !== null, dryRun: !values.apply }));
      console.log(
        `${values.apply ? (outcome.applied ? 'Imported' : 'Nothing written') : 'Planned'} in ${seconds.toFixed(2)} s: ${Math.round(outcome.report.rows / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s (read ${(outcome.timings.readMs / 1000).toFixed(2)} s, resolve ${(outcome.timings.planMs / 1000).toFixed(2)} s, write ${(outcome.timings.applyMs / 1000).toFixed(2)} s).`,
      );
      if (values.report)
        writeFileSync(values.report, JSON.stringify({ ...outcome.report, applied: outcome.applied, timings: outcome.timings }, null, 2));
    } finally {
      await store.close();
    }
  },
});
