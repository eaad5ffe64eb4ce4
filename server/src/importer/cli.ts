import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import cliProgress from 'cli-progress';
import { runCli } from '../cli/runCli.js';
import { countryByCode } from '../domain/countries.js';
import { UsageError } from '../domain/errors.js';
import { WIKIDATA_QID } from '../domain/model.js';
import { openStore, readStoreConfig } from '../openStore.js';
import type { GraphStore } from '../store/GraphStore.js';
import { formatReport } from './formatReport.js';
import {
  DEFAULT_MAX_ROWS,
  formatOf,
  parseMappingText,
  pathSource,
  runImport,
  type ImportFormat,
  type ImportOptions,
  type ImportOutcome,
} from './runImport.js';
import { importFromWikidata } from './wikidata/importWikidata.js';

const USAGE = `Usage: npm run import -- <file> [<more files>] [options]
       npm run import -- --from wikidata (--country <BE,NL> | --qids <Q12994,Q1296> | --file <answer.json>) [options]
  (several files are one import, all or nothing: an export's nodes.csv and edges.csv)
  --apply             write (default: a dry run that reports what would change)
  --mapping <file>    YAML or JSON mapping of columns to nodes and relationships (see docs/data.md)
  --preset <name>     pairs | memberships | nodes | edges | geonames (default: detected from the header)
  --format <format>   csv | tsv | json | graphml (default: from the file name)
  --replace           take the file's value where it differs from the graph's (default: keep the graph's)
  --report <file>     also write the full report as JSON
  --max-rows <n>      refuse larger files (default ${DEFAULT_MAX_ROWS.toLocaleString('en')})
From Wikidata (twinnings, P190, with countries, coordinates, population and labels in en/nl/fr; CC0):
  --country <codes>   the places of these countries (ISO 3166-1 alpha-2, comma-separated) and their twins
  --qids <ids>        these Wikidata items (comma-separated) and their twins, asked 50 at a time
  --file <json>       a saved answer (SPARQL JSON results) instead of asking query.wikidata.org
  --save <json>       also save the service's answer, to import it later with --file
The store is the server's: GRAPH_STORE, NEO4J_*, ATLAS_DATA_DIR (see docs/data.md).`;

const isCi = () => ['true', '1', 'yes'].includes((process.env.CI ?? '').toLowerCase());

const OPTIONS = {
  apply: { type: 'boolean', default: false },
  mapping: { type: 'string' },
  preset: { type: 'string' },
  format: { type: 'string' },
  replace: { type: 'boolean', default: false },
  report: { type: 'string' },
  'max-rows': { type: 'string' },
  from: { type: 'string' },
  country: { type: 'string' },
  qids: { type: 'string' },
  file: { type: 'string' },
  save: { type: 'string' },
} as const;

interface Values {
  apply: boolean;
  replace: boolean;
  report?: string;
  [option: string]: string | boolean | undefined;
}

await runCli({
  name: 'import',
  usage: USAGE,
  options: OPTIONS,
  run: async ({ values, positionals }) => {
    if (values.from !== undefined) return fromWikidata(values, positionals);
    const wikidataOnly = (['country', 'qids', 'file', 'save'] as const).find((k) => values[k] !== undefined);
    if (wikidataOnly) throw new UsageError(`--${wikidataOnly} is for --from wikidata.`);
    if (positionals.length === 0) throw new UsageError('name the file to import.');
    const path = positionals[0]!;
    const maxRows = values['max-rows'] === undefined ? DEFAULT_MAX_ROWS : Number(values['max-rows']);
    if (!Number.isInteger(maxRows) || maxRows < 1)
      throw new UsageError(`--max-rows must be a whole number of at least 1 (got "${values['max-rows']}").`);
    const format: ImportFormat = formatOf(path, values.format);
    let mapping: unknown =
      values.mapping === undefined ? undefined : parseMappingText(readFileSync(values.mapping, 'utf8'), values.mapping);
    if (values.preset !== undefined) mapping = { ...((mapping as object | undefined) ?? {}), preset: values.preset };
    await withStore(values, async (store) => {
      const progress = progressBar();
      const outcome = await runImport(store, {
        sources: positionals.map((p) => pathSource(p)),
        format,
        mapping,
        apply: values.apply,
        replace: values.replace,
        maxRows,
        actor: `cli:${userInfo().username}`,
        onProgress: progress.onProgress,
      });
      progress.stop();
      printOutcome(outcome, values);
    });
  },
});

/** `--from wikidata`: the scope is checked before anything is opened or asked. */
async function fromWikidata(values: Values, positionals: string[]): Promise<void> {
  if (values.from !== 'wikidata') throw new UsageError(`--from knows one source: wikidata (got "${String(values.from)}").`);
  const unused = [
    ...positionals,
    ...['mapping', 'preset', 'format', 'max-rows'].filter((k) => values[k] !== undefined).map((k) => `--${k}`),
  ];
  if (unused.length > 0)
    throw new UsageError(`--from wikidata reads no file of rows and takes no mapping: leave out ${unused.join(', ')}.`);
  const list = (text: string | boolean | undefined) =>
    (typeof text === 'string' ? text : '')
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter((s) => s !== '');
  const countries = list(values.country);
  const qids = list(values.qids);
  const file = typeof values.file === 'string' ? values.file : undefined;
  const save = typeof values.save === 'string' ? values.save : undefined;
  const badCountry = countries.find((c) => !/^[A-Z]{2}$/.test(c) || !countryByCode(c));
  if (badCountry !== undefined)
    throw new UsageError(`--country takes ISO 3166-1 alpha-2 codes such as BE or NL; "${badCountry}" is not one.`);
  const badQid = qids.find((q) => !WIKIDATA_QID.test(q));
  if (badQid !== undefined) throw new UsageError(`--qids takes Wikidata item ids such as Q12994; "${badQid}" is not one.`);
  if (file !== undefined && (countries.length > 0 || qids.length > 0 || save !== undefined))
    throw new UsageError('--file imports a saved answer as it is: leave out --country, --qids and --save.');
  if (file === undefined && countries.length === 0 && qids.length === 0)
    throw new UsageError('--from wikidata needs a scope: --country BE, --qids Q12994,Q1296, or --file <saved answer.json>.');
  await withStore(values, async (store) => {
    const progress = progressBar();
    const outcome = await importFromWikidata(store, {
      countries,
      qids,
      file,
      apply: values.apply,
      replace: values.replace,
      actor: `cli:${userInfo().username}`,
      onProgress: progress.onProgress,
      client: { endpoint: process.env.ATLAS_WIKIDATA_ENDPOINT, onEvent: (line) => console.error(line) },
      onAnswer: (answer) => {
        if (save === undefined) return;
        writeFileSync(save, JSON.stringify(answer));
        console.error(`Saved the answer (${answer.results.bindings.length.toLocaleString('en')} rows) to ${save}.`);
      },
    });
    progress.stop();
    const requests = outcome.requests > 0 ? ` from ${outcome.requests} request${outcome.requests === 1 ? '' : 's'}` : '';
    console.error(
      `Wikidata: ${outcome.places.toLocaleString('en')} places, ${outcome.twinnings.toLocaleString('en')} twinnings${requests}.`,
    );
    printOutcome(outcome, values);
  });
}

/** Opens the server's store (refusing --apply where nothing would be kept), runs `work`, closes it. */
async function withStore(values: Values, work: (store: GraphStore) => Promise<void>): Promise<void> {
  const config = readStoreConfig();
  if (values.apply && config.kind === 'memory' && config.dataDir === undefined) {
    throw new UsageError(
      '--apply needs a store that keeps what it is given: set ATLAS_DATA_DIR (the embedded store persists there; the server then serves it with the same setting) or GRAPH_STORE=neo4j. Without --apply this is a dry run against the seed graph.',
    );
  }
  const opened = await openStore(config);
  try {
    console.error(opened.description);
    await work(opened.store);
  } finally {
    await opened.store.close();
  }
}

/** A progress bar on a terminal (none in CI or when standard error is not a terminal). */
function progressBar(): { onProgress: NonNullable<ImportOptions['onProgress']>; stop: () => void } {
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
  return {
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
    stop: () => bar?.stop(),
  };
}

function printOutcome(outcome: ImportOutcome, values: Values): void {
  const seconds = outcome.timings.totalMs / 1000;
  console.log(formatReport(outcome.report, { applied: outcome.applied !== null, dryRun: !values.apply }));
  console.log(
    `${values.apply ? (outcome.applied ? 'Imported' : 'Nothing written') : 'Planned'} in ${seconds.toFixed(2)} s: ${Math.round(outcome.report.rows / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s (read ${(outcome.timings.readMs / 1000).toFixed(2)} s, resolve ${(outcome.timings.planMs / 1000).toFixed(2)} s, write ${(outcome.timings.applyMs / 1000).toFixed(2)} s).`,
  );
  if (values.report)
    writeFileSync(values.report, JSON.stringify({ ...outcome.report, applied: outcome.applied, timings: outcome.timings }, null, 2));
}
