import { WIKIDATA_QID } from '../../domain/model.js';

/**
 * The SPARQL the Wikidata importer sends to the Wikidata Query Service: the twinnings (P190,
 * "twinned administrative body") of the places in a scope, with both ends' country (P17 and its
 * ISO code, P297), coordinates (P625), population (P1082) and labels in English, Dutch and French.
 * One row per twinning statement; a place with several values of a property (two countries, two
 * coordinates) gives several rows, which the reader folds together (wikidata/rows.ts).
 * Only best-rank ("truthy", wdt:) values are asked: deprecated statements are left out.
 */

export const WIKIDATA_SPARQL_ENDPOINT = 'https://query.wikidata.org/sparql';

/** What to ask for: the places of a country (ISO 3166-1 alpha-2), or places by QID. */
export type WikidataScope = { country: string } | { qids: readonly string[] };

/** The variables of each row, in the order of the SELECT. */
export const TWINNING_VARS = [
  'item',
  'twin',
  'itemCountry',
  'itemCoord',
  'itemPopulation',
  'itemEn',
  'itemNl',
  'itemFr',
  'twinCountry',
  'twinCoord',
  'twinPopulation',
  'twinEn',
  'twinNl',
  'twinFr',
] as const;

/** The label languages asked, in the order a node's name is chosen. */
export const LABEL_LANGUAGES = ['en', 'nl', 'fr'] as const;

function sideDetails(side: 'item' | 'twin'): string {
  const labels = LABEL_LANGUAGES.map((lang) => {
    const v = `?${side}${lang[0]!.toUpperCase()}${lang.slice(1)}`;
    return `  OPTIONAL { ?${side} rdfs:label ${v} . FILTER(LANG(${v}) = "${lang}") }`;
  });
  return [
    `  OPTIONAL { ?${side} wdt:P17/wdt:P297 ?${side}Country . }`,
    `  OPTIONAL { ?${side} wdt:P625 ?${side}Coord . }`,
    `  OPTIONAL { ?${side} wdt:P1082 ?${side}Population . }`,
    ...labels,
  ].join('\n');
}

/** The query for one scope: one country, or one batch of QIDs (the caller pages, see client.ts). */
export function twinningsQuery(scope: WikidataScope): string {
  let places: string;
  if ('country' in scope) {
    if (!/^[A-Z]{2}$/.test(scope.country)) throw new Error(`not an ISO 3166-1 alpha-2 code: ${scope.country}`);
    places = `  ?country wdt:P297 "${scope.country}" .\n  ?item wdt:P17 ?country .`;
  } else {
    const bad = scope.qids.find((q) => !WIKIDATA_QID.test(q));
    if (bad !== undefined || scope.qids.length === 0) throw new Error(`not a list of Wikidata item ids: ${scope.qids.join(',')}`);
    places = `  VALUES ?item { ${scope.qids.map((q) => `wd:${q}`).join(' ')} }`;
  }
  return `PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ${TWINNING_VARS.map((v) => `?${v}`).join(' ')}
WHERE {
${places}
  ?item wdt:P190 ?twin .
${sideDetails('item')}
${sideDetails('twin')}
}
`;
}
