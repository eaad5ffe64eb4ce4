import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { WORLD_COUNTRIES_SOURCE_ID, worldCountriesCitationProblem } from '../server/src/domain/countries.js';
import type { Provenance } from '../server/src/domain/model.js';
import type { SeedGraph } from '../server/src/seed/loadSeed.js';

/** The source document every quote of the seed graph must come from, kept verbatim in the repository. */
export const VVSG_SOURCE_ID = 'vvsg-2023';
export const VVSG_SOURCE_TEXT = fileURLToPath(new URL('./source/vvsg-2023-municipal-international-cooperation.txt', import.meta.url));

/** The text of the source document (graph-seed/source/); see graph-seed/source/README.md. */
export function readVvsgSourceText(): string {
  return readFileSync(VVSG_SOURCE_TEXT, 'utf8');
}

/**
 * Whitespace-insensitive "verbatim": the source text was extracted from a PDF, so line breaks and
 * runs of spaces inside a sentence are layout, not wording. Everything else must match exactly.
 */
export function normalizeForQuote(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface QuoteProblem {
  recordId: string;
  source: string;
  quote: string;
}

/** Every citation of the graph with the record it belongs to: nodes', relationships' and names'. */
function* citationsOf(graph: SeedGraph): Generator<{ recordId: string; p: Provenance }> {
  for (const record of [...graph.nodes, ...graph.relations]) {
    for (const p of record.sources) yield { recordId: record.id, p };
    for (const name of 'names' in record ? record.names : []) for (const p of name.sources) yield { recordId: record.id, p };
  }
}

/** Returns every provenance quote citing `sourceId` that does not occur in `sourceText`. */
export function findMissingQuotes(graph: SeedGraph, sourceId: string, sourceText: string): QuoteProblem[] {
  const haystack = normalizeForQuote(sourceText);
  const missing: QuoteProblem[] = [];
  for (const { recordId, p } of citationsOf(graph)) {
    if (p.source === sourceId && !haystack.includes(normalizeForQuote(p.quote)))
      missing.push({ recordId, source: p.source, quote: p.quote });
  }
  return missing;
}

const require = createRequire(import.meta.url);

/**
 * Citations of the world-countries data set, which is not a document: a country's name cited at
 * "BE: translations.nld.common" must quote exactly what the installed package has there; any other
 * locator names a file of the package (README.md) whose text must hold the quote.
 */
export function findWorldCountriesProblems(graph: SeedGraph): (QuoteProblem & { why: string })[] {
  const problems: (QuoteProblem & { why: string })[] = [];
  for (const { recordId, p } of citationsOf(graph)) {
    if (p.source !== WORLD_COUNTRIES_SOURCE_ID) continue;
    const why = /^[A-Z]{2}: /.test(p.locator) ? worldCountriesCitationProblem(p) : packageFileProblem(p);
    if (why) problems.push({ recordId, source: p.source, quote: p.quote, why });
  }
  return problems;
}

function packageFileProblem(p: Provenance): string | undefined {
  if (!/^[\w-]+\.(md|json)$/.test(p.locator))
    return `the locator "${p.locator}" is neither "XX: path" nor a file of the package (README.md)`;
  let text: string;
  try {
    text = readFileSync(require.resolve(`world-countries/${p.locator}`), 'utf8');
  } catch {
    return `the package world-countries has no file ${p.locator}`;
  }
  return normalizeForQuote(text).includes(normalizeForQuote(p.quote))
    ? undefined
    : `the quote does not occur in world-countries/${p.locator}`;
}
