import { existsSync, readFileSync } from 'node:fs';
import { findMissingQuotes } from './checkQuotes.js';
import { DEFAULT_SEED_DIR, loadSeed, SeedValidationError } from './loadSeed.js';

/** The source document every quote of the seed graph must come from. */
export const VVSG_SOURCE_ID = 'vvsg-2023';
export const VVSG_SOURCE_TEXT = new URL('../../shared/seeds/000_54ec11433fb06c73.txt', import.meta.url).pathname;

function validate(dir: string): number {
  try {
    const graph = loadSeed(dir);
    const counts = new Map<string, number>();
    for (const n of graph.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
    console.log(`${graph.files.length} files, ${graph.nodes.length} nodes, ${graph.relations.length} relationships`);
    console.log([...counts].map(([k, v]) => `  ${k}: ${v}`).join('\n'));
    if (!existsSync(VVSG_SOURCE_TEXT)) {
      console.log(`(source text not found at ${VVSG_SOURCE_TEXT}; quotes not checked)`);
      return 0;
    }
    const missing = findMissingQuotes(graph, VVSG_SOURCE_ID, readFileSync(VVSG_SOURCE_TEXT, 'utf8'));
    for (const m of missing) console.error(`  record "${m.recordId}": quote not found verbatim in the source: "${m.quote}"`);
    if (missing.length > 0) {
      console.error(`${missing.length} quotes do not occur in the source text.`);
      return 1;
    }
    console.log('every quote occurs verbatim in the source text');
    return 0;
  } catch (e) {
    if (e instanceof SeedValidationError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

const [command = 'validate', dir = DEFAULT_SEED_DIR] = process.argv.slice(2);
if (command !== 'validate') {
  console.error(`Unknown command "${command}". Usage: npm run seed:validate [-- <dir>]`);
  process.exit(2);
}
process.exit(validate(dir));
