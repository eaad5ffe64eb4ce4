import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../cli/runCli.js';
import { UsageError } from '../domain/errors.js';
import { NODE_KINDS, type NodeKind } from '../domain/model.js';
import { openStore, readStoreConfig } from '../openStore.js';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from './exportGraph.js';

const USAGE = `Usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} [--out <file>] [--kinds K1,K2] [--around id1,id2 [--depth n]]
  --out <file>    write there (default: standard output); for csv a directory or a prefix:
                  <out>/nodes.csv and <out>/edges.csv, or <out>.nodes.csv and <out>.edges.csv
  --kinds         only nodes of these kinds (${NODE_KINDS.join(', ')}) and the relationships between them
  --around        only the neighbourhood of these node ids, within --depth hops (default 1)
The store is the server's: GRAPH_STORE, NEO4J_*, ATLAS_DATA_DIR (see docs/data.md).`;

/** A synchronous file sink: output order is the writer's order, and a full disk fails loudly. */
function fileSink(path: string): { write: (text: string) => void; close: () => void } {
  const fd = openSync(path, 'w');
  return {
    write: (text) => {
      const buffer = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < buffer.length) written += writeSync(fd, buffer, written);
    },
    close: () => closeSync(fd),
  };
}

await runCli({
  name: 'export',
  usage: USAGE,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    kinds: { type: 'string' },
    around: { type: 'string' },
    depth: { type: 'string', default: '1' },
  },
  run: async ({ values }) => {
    const format = values.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}.`);
    const kinds = values.kinds?.split(',').map((k) => k.trim().toUpperCase());
    const badKind = kinds?.find((k) => !(NODE_KINDS as readonly string[]).includes(k));
    if (badKind) throw new UsageError(`--kinds: "${badKind}" is not a node kind (${NODE_KINDS.join(', ')}).`);
    const depth = Number(values.depth);
    if (!Number.isInteger(depth) || depth < 1 || depth > 10) throw new UsageError('--depth must be a whole number from 1 to 10.');
    if (format === 'csv' && !values.out)
      throw new UsageError('The csv export writes two files (nodes and edges): give --out <directory or prefix>.');
    const { store } = await openStore(readStoreConfig());
    const sinks: { write: (text: string) => void; close: () => void }[] = [];
    try {
      let main: (text: string) => void = (text) => process.stdout.write(text);
      let edges: ((text: string) => void) | undefined;
      const written: string[] = [];
      if (values.out) {
        const isDir = existsSync(values.out) && statSync(values.out).isDirectory();
        const [nodesPath, edgesPath] =
          format === 'csv'
            ? isDir
              ? [join(values.out, 'nodes.csv'), join(values.out, 'edges.csv')]
              : [`${values.out}.nodes.csv`, `${values.out}.edges.csv`]
            : [values.out, undefined];
        const nodeSink = fileSink(nodesPath!);
        sinks.push(nodeSink);
        main = nodeSink.write;
        written.push(nodesPath!);
        if (edgesPath) {
          const edgeSink = fileSink(edgesPath);
          sinks.push(edgeSink);
          edges = edgeSink.write;
          written.push(edgesPath);
        }
      }
      const result = await exportGraph(
        store,
        format,
        { main, edges },
        { kinds: kinds as NodeKind[] | undefined, around: values.around?.split(',').map((s) => s.trim()), depth },
      );
      if (result.missingIds.length > 0)
        console.error(`No node has the id ${result.missingIds.map((id) => `"${id}"`).join(', ')}: left out.`);
      console.error(
        `Exported ${result.nodes} nodes and ${result.relations} relationships as ${format}${written.length > 0 ? ` to ${written.join(' and ')}` : ''}.`,
      );
    } finally {
      for (const s of sinks) s.close();
      await store.close();
    }
  },
});
