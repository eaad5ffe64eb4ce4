import { WIKIDATA_QID, type GraphNode } from '../../domain/model.js';
import type { EntityMention, RowMentions, RowRef } from '../plan/mentions.js';
import type { RowSource } from '../runImport.js';
import { LABEL_LANGUAGES } from './query.js';
import type { SparqlResults, SparqlTerm } from './sparqlJson.js';

/**
 * SPARQL rows (query.ts) to import rows: one row per place, then one per twinning.
 *
 * A place row cites the item's page (https://www.wikidata.org/wiki/Q12994) and carries what the
 * graph learns of the place: its QID, name (the English label, else the Dutch, else the French),
 * its labels as names per language, country, coordinates and population. A twinning row cites the statement
 * (https://www.wikidata.org/wiki/Q12994#P190) and names both places and the TWINNING partnership
 * between them, made as the `pairs` preset makes one (a PARTNERSHIP node and a PARTY_TO from each
 * side). Twinnings are usually stated on both items: a pair is one row, citing the first statement.
 * Rows are sorted by QID, so the same answer in another order plans the same change, and an
 * import run again finds every citation already there (nothing to change).
 */

export const WIKIDATA_SOURCE_ID = 'wikidata';
const ENTITY_PREFIX = 'http://www.wikidata.org/entity/';
const WKT = 'http://www.opengis.net/ont/geosparql#wktLiteral';
/** "Point(lon lat)" on Earth; coordinates on another globe start with the globe's IRI and are left out. */
const POINT = /^\s*Point\(\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s+(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*\)\s*$/i;

/** The SOURCE node every Wikidata fact cites. */
export function wikidataSourceNode(now: Date): GraphNode {
  return {
    id: WIKIDATA_SOURCE_ID,
    kind: 'SOURCE',
    name: 'Wikidata',
    altNames: [],
    names: [],
    description:
      'Wikidata, the free knowledge base of the Wikimedia Foundation, read through the Wikidata Query Service: twinned administrative bodies (P190), countries (P17, P297), coordinates (P625), population (P1082) and labels. Its data is CC0 1.0 (public domain).',
    sourceType: 'DATASET',
    publisher: 'Wikimedia Foundation; data CC0 1.0',
    url: 'https://www.wikidata.org/',
    sources: [
      {
        source: WIKIDATA_SOURCE_ID,
        locator: 'https://www.wikidata.org/wiki/Wikidata:Copyright',
        quote: 'All structured data in Wikidata is available under the Creative Commons CC0 License.',
        importedAt: now.toISOString(),
      },
    ],
  };
}

interface Place {
  qid: string;
  labels: Map<string, string>;
  countries: Set<string>;
  points: { latitude: number; longitude: number }[];
  populations: number[];
}

/** The QID of an item IRI, or undefined for anything else. */
export function qidOf(t: SparqlTerm | undefined): string | undefined {
  if (!t || t.type !== 'uri' || !t.value.startsWith(ENTITY_PREFIX)) return undefined;
  const qid = t.value.slice(ENTITY_PREFIX.length);
  return WIKIDATA_QID.test(qid) ? qid : undefined;
}

/** Latitude and longitude of a WKT point literal on Earth. */
export function pointOf(t: SparqlTerm | undefined): { latitude: number; longitude: number } | undefined {
  if (!t || (t.datatype !== undefined && t.datatype !== WKT)) return undefined;
  const m = POINT.exec(t.value);
  if (!m) return undefined;
  const longitude = Number(m[1]);
  const latitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude, longitude };
}

function populationOf(t: SparqlTerm | undefined): number | undefined {
  if (!t) return undefined;
  const n = Number(t.value);
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : undefined;
}

export interface WikidataRows extends RowSource {
  /** Places and twinnings read (after folding rows and pairs). */
  places: number;
  twinnings: number;
}

/** The import rows of a Wikidata answer. `file` names it in the report ("query.wikidata.org, country BE"). */
export function wikidataRows(answer: SparqlResults, file: string, now: Date): WikidataRows {
  const places = new Map<string, Place>();
  const place = (qid: string): Place => {
    let p = places.get(qid);
    if (!p) places.set(qid, (p = { qid, labels: new Map(), countries: new Set(), points: [], populations: [] }));
    return p;
  };
  /** Sorted "a|b" -> the statement it is first read from (item, twin). */
  const pairs = new Map<string, { item: string; twin: string }>();
  for (const b of answer.results.bindings) {
    const item = qidOf(b.item);
    const twin = qidOf(b.twin);
    if (item === undefined || twin === undefined) continue;
    for (const [qid, side] of [
      [item, 'item'],
      [twin, 'twin'],
    ] as const) {
      const p = place(qid);
      for (const lang of LABEL_LANGUAGES) {
        const label = b[`${side}${lang[0]!.toUpperCase()}${lang.slice(1)}`];
        if (label && label.value.trim() !== '' && !p.labels.has(lang)) p.labels.set(lang, label.value.trim());
      }
      const country = b[`${side}Country`]?.value.trim().toUpperCase();
      if (country && /^[A-Z]{2}$/.test(country)) p.countries.add(country);
      const point = pointOf(b[`${side}Coord`]);
      if (point) p.points.push(point);
      const population = populationOf(b[`${side}Population`]);
      if (population !== undefined) p.populations.push(population);
    }
    if (item === twin) continue;
    const key = compareQids(item, twin) < 0 ? `${item}|${twin}` : `${twin}|${item}`;
    const known = pairs.get(key);
    if (!known || compareQids(item, known.item) < 0) pairs.set(key, { item, twin });
  }

  const rows: RowMentions[] = [];
  const sorted = [...places.values()].sort((a, b) => compareQids(a.qid, b.qid));
  for (const p of sorted) {
    const row: RowRef = { where: itemUrl(p.qid), order: rows.length, quote: quoteOf(p) };
    rows.push({ row, entities: [mentionOf(p, row)], relations: [], partnerships: [] });
  }
  const statements = [...pairs.values()].sort((a, b) => compareQids(a.item, b.item) || compareQids(a.twin, b.twin));
  for (const { item, twin } of statements) {
    const a = places.get(item)!;
    const b = places.get(twin)!;
    const row: RowRef = {
      where: `${itemUrl(item)}#P190`,
      order: rows.length,
      quote: `${nameOf(a) ?? item} (${item}) twinned administrative body ${nameOf(b) ?? twin} (${twin})`,
    };
    rows.push({
      row,
      entities: [mentionOf(a, row), mentionOf(b, row)],
      relations: [],
      partnerships: [{ between: [0, 1], partnershipType: 'TWINNING', fields: {} }],
    });
  }
  return { file, format: 'sparql-json', fileSources: [wikidataSourceNode(now)], rows, places: places.size, twinnings: pairs.size };
}

/** Q2 < Q10: by number. */
function compareQids(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const itemUrl = (qid: string) => `https://www.wikidata.org/wiki/${qid}`;

function nameOf(p: Place): string | undefined {
  for (const lang of LABEL_LANGUAGES) if (p.labels.has(lang)) return p.labels.get(lang);
  return undefined;
}

/** The labels, as the provenance quote: "Roeselare (en), Roeselare (nl), Roulers (fr)". */
function quoteOf(p: Place): string {
  const labels = [...p.labels].map(([lang, text]) => `${text} (${lang})`).join(', ');
  return labels === '' ? `${p.qid}: no label in ${LABEL_LANGUAGES.join(', ')}` : `${p.qid}: ${labels}`;
}

/**
 * A place as an entity of a row. Several values of one property (two best-rank coordinates, two
 * countries) are settled the same way every time: the first country code, the first point, the
 * largest population.
 */
function mentionOf(p: Place, row: RowRef): EntityMention {
  const name = nameOf(p);
  const point = [...p.points].sort((x, y) => x.latitude - y.latitude || x.longitude - y.longitude)[0];
  const fields: Record<string, unknown> = { wikidata: p.qid };
  if (point) Object.assign(fields, point);
  if (p.populations.length > 0) fields.population = Math.max(...p.populations);
  return {
    row,
    kind: 'MUNICIPALITY',
    name,
    altNames: [],
    // The labels are names per language, citing the item (the place row), as every fact of it.
    names: LABEL_LANGUAGES.filter((lang) => p.labels.has(lang)).map((lang) => ({ lang, text: p.labels.get(lang)! })),
    countryText: [...p.countries].sort()[0],
    fields,
    defaults: { level: 'MUNICIPALITY' },
    create: true,
  };
}
