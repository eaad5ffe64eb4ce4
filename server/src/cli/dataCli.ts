import { runCli } from './runCli.js';
import { UsageError } from '../domain/errors.js';
import { checkDataDirectory, repairJournal } from '../store/memory/DataDirectory.js';

const USAGE = `Usage: npm run data -- check|repair [--apply] [<data directory>]
  check            shows what the directory holds: the snapshot, and each journal record intact,
                   damaged, or torn (the last, unconfirmed one); what a repair would drop
  repair           shows what a repair would do, and does nothing more
  repair --apply   drops the damaged journal record and every record after it (or a torn tail),
                   keeping a copy of the dropped bytes beside the journal
The directory is ATLAS_DATA_DIR unless given. Stop the server first: it holds the directory.`;

const n = (x: number) => x.toLocaleString('en');
const range = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);

function describe(check: Awaited<ReturnType<typeof checkDataDirectory>>): string {
  const lines: string[] = [];
  lines.push(
    check.snapshotSeq === undefined
      ? 'snapshot: none (a new directory)'
      : `snapshot: intact, up to change ${check.snapshotSeq} (${n(check.counts.nodes)} nodes, ${n(check.counts.relations)} relationships, ${n(check.counts.changes)} change records)`,
  );
  const scan = check.scan;
  if (!scan) return [...lines, 'journal: none'].join('\n');
  lines.push(`journal: ${check.journal}, ${n(scan.totalBytes)} bytes`);
  const intact = scan.records;
  const plural = intact.length === 1 ? '' : 's';
  if (intact.length > 0)
    lines.push(`  record${plural} ${range(1, intact.length)} (change${plural} ${range(intact[0]!.seq, intact.at(-1)!.seq)}): intact`);
  else lines.push('  no intact records');
  if (scan.damage) {
    const d = scan.damage;
    lines.push(`  record ${d.number}${d.seq !== undefined ? ` (change ${d.seq})` : ''} at byte ${n(d.offset)}: DAMAGED: ${d.reason}`);
    if (scan.recordsAfterDamage > 0)
      lines.push(
        `  record${scan.recordsAfterDamage === 1 ? '' : 's'} ${range(d.number + 1, d.number + scan.recordsAfterDamage)}: whole, but after the damage`,
      );
    lines.push(
      `A repair keeps ${d.number === 1 ? 'no records' : `records ${range(1, d.number - 1)}`} and drops record ${d.number} and everything after it: ${n(scan.totalBytes - d.offset)} bytes, ${1 + scan.recordsAfterDamage} record${scan.recordsAfterDamage === 0 ? '' : 's'}.`,
    );
  } else if (scan.tornTail) {
    const t = scan.tornTail;
    lines.push(
      `  a torn last record${t.seq !== undefined ? ` (change ${t.seq})` : ''} at byte ${n(t.offset)}: ${n(t.bytes)} bytes, never confirmed (the server drops it by itself on start)`,
    );
    lines.push(`A repair drops the torn record: ${n(t.bytes)} bytes.`);
  } else lines.push('Nothing to repair.');
  return lines.join('\n');
}

await runCli({
  name: 'data',
  usage: USAGE,
  options: { apply: { type: 'boolean', default: false } },
  run: async ({ values, positionals }) => {
    const [command, given] = positionals;
    const dir = given ?? process.env.ATLAS_DATA_DIR;
    if (command !== 'check' && command !== 'repair') throw new UsageError('name a command: check or repair.');
    if (!dir) throw new UsageError('No directory: set ATLAS_DATA_DIR or name one.');
    const check = await checkDataDirectory(dir);
    console.log(describe(check));
    if (check.repairAt === undefined) return 0;
    if (command === 'check' || !values.apply) {
      console.log(`Nothing was changed. Run \`npm run data -- repair --apply${given ? ` ${given}` : ''}\` to drop it.`);
      return command === 'check' && check.scan?.damage ? 1 : 0;
    }
    const copy = repairJournal(dir, check);
    console.log(`Repaired: the journal now ends at byte ${n(check.repairAt)}; the dropped bytes are in ${copy}.`);
    return 0;
  },
});
