import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedStore } from '../server/src/seed/seedStore.js';
import { importFromWikidata, type WikidataImportOutcome } from '../server/src/importer/wikidata/importWikidata.js';
import type { GraphStore } from '../server/src/store/GraphStore.js';
import { MemoryGraphStore } from '../server/src/store/memory/MemoryGraphStore.js';
import { syntheticWikidataAnswer } from '../tests/fixtures/syntheticWikidata.js';
import { withBenchNeo4j } from './importBench.js';
import { emit } from './measure.js';

/**
 * `--suites wikidata`: a Wikidata answer of 20,000 twinnings (generated here, written to a
 * temporary file, never committed) imported with --file into a store holding the seed graph,
 * then the same answer again as a dry run (nothing to change: every place matched by its QID).
 * Targets (issue 13): the first import <= 10 s on the embedded store, <= 60 s on Neo4j. The time
 * is the whole import: reading and parsing the JSON, rows, planning, the write; the CPU time is
 * this process's (Neo4j's own work is not in it).
 */
const TWINNINGS = 20_000;

async function benchWikidata(tag: string, store: GraphStore): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-wikidata-bench-'));
  try {
    const file = join(dir, 'wikidata-twinnings.json');
    writeFileSync(file, JSON.stringify(syntheticWikidataAnswer(TWINNINGS)));
    await store.clear();
    await seedStore(store);
    const run = (apply: boolean): Promise<WikidataImportOutcome> => importFromWikidata(store, { file, apply, actor: 'bench' });

    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const first = await run(true);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    emit(`${tag}.answer_size`, statSync(file).size / 2 ** 20, 'MiB');
    emit(`${tag}.twinnings`, first.twinnings, 'pairs');
    emit(`${tag}.places`, first.places, 'places');
    emit(`${tag}.first.time`, seconds, 's');
    emit(`${tag}.first.rate`, TWINNINGS / seconds, 'twinnings/s');
    // This process's CPU time: on a shared machine the wall time above also counts the waits for a core.
    emit(`${tag}.first.cpu_time`, (cpu.user + cpu.system) / 1e6, 's');
    emit(`${tag}.first.resolve_time`, first.timings.planMs / 1000, 's');
    emit(`${tag}.first.write_time`, first.timings.applyMs / 1000, 's');
    emit(`${tag}.first.records_written`, (first.applied?.nodesWritten ?? 0) + (first.applied?.relationsWritten ?? 0), 'records');

    const stats = await store.stats();
    const againStarted = performance.now();
    const again = await run(false);
    emit(`${tag}.second_dry_run.time`, (performance.now() - againStarted) / 1000, 's');
    emit(`${tag}.second_dry_run.matched_by_qid`, again.report.matchedExisting.byWikidata, 'places');
    const unchanged = again.report.noChange && JSON.stringify(await store.stats()) === JSON.stringify(stats);
    emit(`${tag}.second_dry_run.changes`, unchanged ? 0 : again.report.totals.putNodes + again.report.totals.putRelations, 'records');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchWikidataMemory(): Promise<void> {
  console.error(`# Wikidata answer of ${TWINNINGS.toLocaleString('en')} twinnings into the embedded store, then again (dry run)`);
  await benchWikidata('wikidata.memory', new MemoryGraphStore());
}

export async function benchWikidataNeo4j(): Promise<void> {
  await withBenchNeo4j(async (store, uri) => {
    console.error(`# Wikidata answer of ${TWINNINGS.toLocaleString('en')} twinnings into Neo4j (${uri}; the database is cleared)`);
    await benchWikidata('wikidata.neo4j', store);
  });
}
