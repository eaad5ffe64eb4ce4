import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { ImportRejected } from '../../server/src/importer/planImport.js';
import { ImportInputError } from '../../server/src/importer/readers.js';
import { pathSource, runImport } from '../../server/src/importer/runImport.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { EDITOR, serve, type Served } from './harness.js';

/** Hostile files, through npm run import's service and through the importData mutation: a clear refusal, the same in both, nothing written. */

const IMPORT = 'mutation($c: String!, $f: String!) { importData(input: { fileName: $f, content: $c, apply: true }) { applied } }';

describe('hostile import input', () => {
  let store: MemoryGraphStore;
  let served: Served;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-hostile-import-'));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const cli = (path: string) => runImport(store, { sources: [pathSource(path)], actor: 'test', apply: true });
  const api = (fileName: string, content: string) =>
    served.post({ query: IMPORT, variables: { c: content, f: fileName } }, { authorization: `Bearer ${EDITOR}` });
  const nodeCount = async () => (await store.stats()).nodeCount;
  beforeAll(async () => {
    store = new MemoryGraphStore();
    await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
    served = await serve(store);
  });
  afterAll(async () => {
    await served?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('1,000,000-deep JSON is refused with a clear error (not a RangeError), from a file and through the API', async () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    const before = await nodeCount();
    const attempt = cli(file('deep.json', deep));
    await expect(attempt).rejects.toBeInstanceOf(ImportInputError);
    await expect(attempt).rejects.toThrow(/deep\.json:1: not valid for an import: lists and objects are nested more than 64 levels deep/);
    const reply = await api('deep.json', deep);
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(reply.body.errors[0].message).toMatch(/nested more than 64 levels deep/);
    expect(await nodeCount()).toBe(before);
  });

  it('a CSV quote that is never closed is reported at the line where it opened, not at the end of the file', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `Town ${i},Belgium,Other ${i},France`);
    rows[1] = 'Ypres,Belgium,"Lyon,France'; // line 3 of the file
    const content = `city1,country1,city2,country2\n${rows.join('\n')}\n`;
    await expect(cli(file('quote.csv', content))).rejects.toThrow(/^quote\.csv:3: not valid CSV: Quote Not Closed/);
    const reply = await api('quote.csv', content);
    expect(reply.body.errors[0].message).toMatch(/^quote\.csv:3: not valid CSV: Quote Not Closed/);
  });

  it('raw Latin-1 is refused the same way by the CLI and the API (same code, same message), not turned into U+FFFD', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('city1,country1,city2,country2\nYpres,Belgium,Li'),
      Buffer.from([0xe8]),
      Buffer.from('ge,Belgium\n'),
    ]);
    const fromCli = (await cli(file('latin1.csv', latin1)).catch((e: unknown) => e)) as Error;
    expect(fromCli).toBeInstanceOf(ImportInputError);
    expect(fromCli.message).toBe(
      'latin1.csv:2: the file is not valid UTF-8 text (a broken or non-UTF-8 character on this line). Save it as UTF-8 and try again.',
    );
    // The same bytes inside a JSON request body: the body parser turns the bad byte into U+FFFD.
    const body = Buffer.concat([
      Buffer.from(JSON.stringify({ query: IMPORT, variables: { f: 'latin1.csv', c: '@@' } }).split('@@')[0]!),
      Buffer.from('city1,country1,city2,country2\\nYpres,Belgium,Li'),
      Buffer.from([0xe8]),
      Buffer.from('ge,Belgium\\n'),
      Buffer.from(JSON.stringify({ query: IMPORT, variables: { f: 'latin1.csv', c: '@@' } }).split('@@')[1]!),
    ]);
    const response = await fetch(`${served.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}` },
      body,
    });
    const reply = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(response.status).toBe(400);
    expect(reply.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(reply.errors[0]!.message.split('\n')[0]).toBe(fromCli.message);
  });

  it('importData with fileName ".." is a BAD_USER_INPUT (400), not a server error', async () => {
    const reply = await api('..', 'city1,country1,city2,country2\nYpres,Belgium,Lyon,France\n');
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(reply.body.errors[0].message).toMatch(/cannot tell the format from the name/);
  });

  it('a name with a control character is refused with the row, through the domain text rule', async () => {
    const before = await nodeCount();
    const attempt = cli(file('bell.csv', 'city1,country1,city2,country2\nYpres\u0007,Belgium,Lyon,France\n'));
    await expect(attempt).rejects.toBeInstanceOf(ImportRejected);
    await expect(attempt).rejects.toThrow(/line 2: name: contains the control character U\+0007/);
    expect(await nodeCount()).toBe(before);
  });
});
