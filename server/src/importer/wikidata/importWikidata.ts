import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { GraphStore } from '../../store/GraphStore.js';
import { runRowImport, type ImportOptions, type ImportOutcome } from '../runImport.js';
import { describeScope, fetchTwinnings, requestsOf, type WikidataClientOptions } from './client.js';
import { wikidataRows } from './rows.js';
import { parseSparqlResults, type SparqlResults } from './sparqlJson.js';

/**
 * `npm run import -- --from wikidata`: the twinnings of a scope (countries, QIDs) from the
 * Wikidata Query Service, or from an answer saved earlier (`file`), imported as every import is:
 * a dry run and its report unless `apply`, then one all-or-nothing change, every fact citing the
 * Wikidata SOURCE node at its item's or statement's URL (docs/adr/0021-wikidata-import.md).
 */

export interface WikidataImportOptions extends Pick<ImportOptions, 'apply' | 'replace' | 'actor' | 'now' | 'onProgress'> {
  /** ISO 3166-1 alpha-2 codes: the places of these countries and their twins. */
  countries?: readonly string[];
  /** Wikidata items: these places and their twins. */
  qids?: readonly string[];
  /** A saved answer (SPARQL JSON results) instead of asking the service. */
  file?: string;
  client?: WikidataClientOptions;
  /** Called with the service's answer before it is imported (--save). */
  onAnswer?: (answer: SparqlResults) => void | Promise<void>;
}

export interface WikidataImportOutcome extends ImportOutcome {
  places: number;
  twinnings: number;
  /** SPARQL requests sent (0 for a saved answer). */
  requests: number;
}

export async function importFromWikidata(store: GraphStore, options: WikidataImportOptions): Promise<WikidataImportOutcome> {
  const now = options.now ?? new Date();
  let answer: SparqlResults;
  let label: string;
  let requests = 0;
  if (options.file !== undefined) {
    answer = parseSparqlResults(await readFile(options.file, 'utf8'), basename(options.file));
    label = `${basename(options.file)} (a saved Wikidata answer)`;
  } else {
    const scopes = requestsOf(options.countries ?? [], options.qids ?? [], options.client?.batchSize);
    if (scopes.length === 0) throw new Error('importFromWikidata needs countries, qids or a file');
    answer = await fetchTwinnings(scopes, options.client);
    requests = scopes.length;
    label = `query.wikidata.org (${[
      ...(options.countries ?? []).map((c) => `country ${c}`),
      ...(options.qids && options.qids.length > 0 ? [describeScope({ qids: [...new Set(options.qids)] })] : []),
    ].join(', ')})`;
  }
  await options.onAnswer?.(answer);
  const source = wikidataRows(answer, label, now);
  const outcome = await runRowImport(store, source, { ...options, now });
  return { ...outcome, places: source.places, twinnings: source.twinnings, requests };
}
