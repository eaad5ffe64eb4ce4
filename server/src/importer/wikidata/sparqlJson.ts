import { z } from 'zod';
import { WikidataError } from './errors.js';

/**
 * SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/): `head.vars`, and
 * `results.bindings`, one object per row mapping a variable to an RDF term
 * { type: uri | literal | bnode, value, xml:lang?, datatype? }; an unbound variable is absent.
 * (Older servers write "typed-literal" for a literal with a datatype: accepted as a literal.)
 */

const term = z.object({
  type: z.enum(['uri', 'literal', 'typed-literal', 'bnode']),
  value: z.string(),
  'xml:lang': z.string().optional(),
  datatype: z.string().optional(),
});
export type SparqlTerm = z.output<typeof term>;

const results = z.object({
  head: z.object({ vars: z.array(z.string()).default([]) }),
  results: z.object({ bindings: z.array(z.record(z.string(), term)) }),
});
export type SparqlResults = z.output<typeof results>;

/** Parses and checks an answer (the service's, or a saved one named `from`); refuses anything else in one line. */
export function parseSparqlResults(text: string, from: string): SparqlResults {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const start = text.trimStart().slice(0, 60).replace(/\s+/g, ' ');
    throw new WikidataError(
      'WIKIDATA_BAD_RESPONSE',
      `${from} is not JSON (it starts "${start}"). Save the answer of the Wikidata Query Service as SPARQL JSON results (Accept: application/sparql-results+json).`,
    );
  }
  const parsed = results.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new WikidataError(
      'WIKIDATA_BAD_RESPONSE',
      `${from} is not SPARQL JSON results: ${issue.path.join('.') || '(top)'}: ${issue.message}. Expected {"head": {"vars": [...]}, "results": {"bindings": [...]}}.`,
    );
  }
  return parsed.data;
}
