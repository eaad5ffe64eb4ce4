import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SeedGraph } from './loadSeed.js';

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

/** Returns every provenance quote citing `sourceId` that does not occur in `sourceText`. */
export function findMissingQuotes(graph: SeedGraph, sourceId: string, sourceText: string): QuoteProblem[] {
  const haystack = normalizeForQuote(sourceText);
  const missing: QuoteProblem[] = [];
  for (const record of [...graph.nodes, ...graph.relations]) {
    for (const p of record.sources) {
      if (p.source === sourceId && !haystack.includes(normalizeForQuote(p.quote))) {
        missing.push({ recordId: record.id, source: p.source, quote: p.quote });
      }
    }
  }
  return missing;
}
