import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { SeedValidationError } from '../../../graph-seed/loadSeed.js';
import { ConfigError, readConfig } from '../config.js';
import { openStore } from '../openStore.js';
import { StoreUnavailableError, StoreWriteError, type GraphStore } from '../store/GraphStore.js';
import { DataDirectoryError } from '../store/memory/DataDirectory.js';
import { Neo4jConfigError } from '../store/neo4j/errors.js';
import { formatReport } from './formatReport.js';
import { MappingError } from './mapping.js';
import { ImportRejected } from './planImport.js';
import { ImportInputError } from './readers.js';
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

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      apply: { type: 'boolean', default: false },
      mapping: { type: 'string' },
      preset: { type: 'string' },
      format: { type: 'string' },
      replace: { type: 'boolean', default: false },
      report: { type: 'string' },
      'max-rows': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const path = positionals[0]!;
  const maxRows = values['max-rows'] === undefined ? DEFAULT_MAX_ROWS : Number(values['max-rows']);
  if (!Number.isInteger(maxRows) || maxRows < 1) {
    console.error(`--max-rows must be a whole number of at least 1 (got "${values['max-rows']}").`);
    return 2;
  }
  let store: GraphStore | undefined;
  try {
    const format: ImportFormat = formatOf(path, values.format);
    let mapping: unknown =
      values.mapping === undefined ? undefined : parseMappingText(readFileSync(values.mapping, 'utf8'), values.mapping);
    if (values.preset !== undefined) mapping = { ...((mapping as object | undefined) ?? {}), preset: values.preset };
    const config = readConfig();
    if (values.apply && config.store === 'memory' && config.dataDir === undefined) {
      console.error(
        '--apply needs a store that keeps what it is given: set ATLAS_DATA_DIR (the embedded store persists there; the server then serves it with the same setting) or GRAPH_STORE=neo4j. Without --apply this is a dry run against the seed graph.',
      );
      return 2;
    }
    const opened = await openStore(config);
    store = opened.store;
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
    return 0;
  } catch (e) {
    if (
      e instanceof ImportInputError ||
      e instanceof ImportRejected ||
      e instanceof MappingError ||
      e instanceof ConfigError ||
      e instanceof StoreUnavailableError ||
      e instanceof StoreWriteError ||
      e instanceof Neo4jConfigError ||
      e instanceof DataDirectoryError ||
      e instanceof SeedValidationError
    ) {
      console.error(e.message);
      if (e instanceof ImportInputError || e instanceof ImportRejected || e instanceof MappingError)
        console.error('Nothing was imported: the graph is as it was.');
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`No such file: ${(e as NodeJS.ErrnoException).path ?? path}`);
      return 1;
    }
    throw e;
  } finally {
    await store?.close();
  }
}

process.exit(await main(process.argv.slice(2)));
