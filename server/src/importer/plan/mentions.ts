import type { NodeKind, PartnershipType, Provenance, RelationKind } from '../../domain/model.js';
import { convertField, FieldError, gazetteerAltNames, splitNames } from '../fields.js';
import { isNodeKind, isRelationKind, NAME_COLUMN, type Mapping } from '../mapping.js';

/**
 * Mentions: what one row (or record) of a file says, before anything is matched against the
 * graph: the entities it names, relationships between them, partnerships. Type errors go to
 * `problems` (the file is refused); nothing here reads the store.
 */

export interface RowRef {
  /** "line 12", "nodes[3]". */
  where: string;
  /** Sorts rows in file order. */
  order: number;
  /** The row as written: the provenance quote. */
  quote: string;
  /** Which of the import's files (PlanContext.fileSources) the row is from; default 0. */
  file?: number;
}

/** A name in one language a row or record states; with `sources` when the record carries its own (an export's). */
export interface MentionName {
  lang: string;
  text: string;
  sources?: Provenance[];
}

export interface EntityMention {
  row: RowRef;
  kind: NodeKind;
  id?: string;
  name?: string;
  altNames: string[];
  /**
   * The alternative names a mapped row adds to a node it matches (a gazetteer's, bounded: see
   * gazetteerAltNames); undefined: none (a row's altNames then only serve to match).
   */
  keptAltNames?: string[];
  /** Names per language, at most one per language. */
  names: MentionName[];
  countryText?: string;
  fields: Record<string, unknown>;
  /** Values for a new node only (the mapping's defaults); never applied to an existing node. */
  defaults?: Record<string, unknown>;
  /** Provenance the record carries itself (JSON and GraphML exports); else the file's. */
  sources?: Provenance[];
  create: boolean;
}

/** A relationship a row names: between entities of the row (their index) or node ids (a record's). */
export interface RelationMention {
  kind: RelationKind;
  id?: string;
  from: number | string;
  to: number | string;
  fields: Record<string, unknown>;
  sources?: Provenance[];
}

export interface PartnershipMention {
  between: [number, number];
  partnershipType: PartnershipType;
  fields: Record<string, unknown>;
}

/** One row of the file: the entities it mentions (indexes into the plan's entity list), relationships, partnerships. */
export interface RowMentions {
  row: RowRef;
  entities: EntityMention[];
  relations: RelationMention[];
  partnerships: PartnershipMention[];
}

/** Converts a tabular row to mentions through the mapping. Type errors go to `problems`. */
export function mentionsOfRow(mapping: Mapping, values: Record<string, string>, row: RowRef, problems: string[]): RowMentions {
  const cells = new RowCells(values, row, problems);
  const out: RowMentions = { row, entities: [], relations: [], partnerships: [] };
  const refIndex = new Map<string, number>();
  for (const spec of mapping.entities) {
    const kindText = spec.kind ?? cells.cell(spec.kindColumn) ?? '';
    const kind = kindText.toUpperCase();
    if (!isNodeKind(kind)) {
      problems.push(`${row.where}: column "${spec.kindColumn}": "${kindText}" is not a node kind`);
      continue;
    }
    refIndex.set(spec.ref, out.entities.length);
    const name = cells.cell(spec.name) || undefined;
    const gazetteer = spec.altNames === 'alternatenames';
    const altNames = splitNames(cells.cell(spec.altNames), gazetteer ? ',' : '|');
    out.entities.push({
      row,
      kind,
      id: cells.cell(spec.id) || undefined,
      name,
      altNames,
      keptAltNames: gazetteer ? gazetteerAltNames(altNames, name) : altNames,
      names: Object.entries(spec.names)
        .map(([lang, column]) => ({ lang, text: cells.cell(column) ?? '' }))
        .filter((n) => n.text !== ''),
      countryText: spec.country === undefined ? undefined : (cells.cell(spec.country) ?? ''),
      fields: cells.fieldsOf(spec),
      defaults: cells.defaultsOf(spec),
      create: spec.create,
    });
  }
  for (const spec of mapping.relations) {
    const from = refIndex.get(spec.from);
    const to = refIndex.get(spec.to);
    if (from === undefined || to === undefined) continue;
    out.relations.push({ kind: spec.kind, from, to, fields: { ...cells.defaultsOf(spec), ...cells.fieldsOf(spec) } });
  }
  for (const spec of mapping.partnerships) {
    const a = refIndex.get(spec.between[0]);
    const b = refIndex.get(spec.between[1]);
    if (a === undefined || b === undefined) continue;
    out.partnerships.push({ between: [a, b], partnershipType: spec.partnershipType, fields: cells.fieldsOf(spec) });
  }
  return out;
}

/** The cells of one tabular row, typed by field; a wrong type is a problem naming the column. */
class RowCells {
  constructor(
    private readonly values: Record<string, string>,
    private readonly row: RowRef,
    private readonly problems: string[],
  ) {}

  /** A column's trimmed text, or the constant of a `=value` column. */
  cell(column: string | undefined): string | undefined {
    if (column === undefined) return undefined;
    return column.startsWith('=') ? column.slice(1) : (this.values[column] ?? '').trim();
  }

  fieldsOf(spec: { fields: Record<string, string> }): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(spec.fields)) {
      const value = this.convert(field, this.cell(column) ?? '', `${this.row.where}: column "${column}": `);
      if (value !== undefined) fields[field] = value;
    }
    return fields;
  }

  defaultsOf(spec: { defaults: Record<string, string | number> }): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [field, text] of Object.entries(spec.defaults)) {
      const value = this.convert(field, text, "the mapping's default ");
      if (value !== undefined) defaults[field] = value;
    }
    return defaults;
  }

  private convert(field: string, text: string | number, context: string): unknown {
    try {
      return convertField(field, text);
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      this.problems.push(`${context}${e.message}`);
      return undefined;
    }
  }
}

/** The fields of a record (node or relationship) other than `reserved`, typed where given as text. */
function recordFields(
  raw: Record<string, unknown>,
  reserved: readonly string[],
  jsonFields: readonly string[],
  row: RowRef,
  problems: string[],
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (reserved.includes(key) || value === undefined || value === null || value === '') continue;
    if (jsonFields.includes(key)) {
      fields[key] = typeof value === 'string' ? parseJsonField(value, key, row, problems) : value;
      continue;
    }
    try {
      fields[key] = typeof value === 'string' ? convertField(key, value) : value;
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      problems.push(`${row.where}: ${e.message}`);
    }
  }
  return fields;
}

/** A record's own provenance (an export's), given as a list or as JSON text. */
function recordSources(raw: Record<string, unknown>, row: RowRef, problems: string[]): Provenance[] | undefined {
  if (raw.sources === undefined || raw.sources === '') return undefined;
  if (typeof raw.sources === 'string') return parseJsonField(raw.sources, 'sources', row, problems) as Provenance[] | undefined;
  return raw.sources as Provenance[];
}

const optionalText = (value: unknown) => (value === undefined || value === '' ? undefined : String(value));

/** A node record of a node list (CSV nodes preset, JSON, GraphML) as a mention. */
export function mentionOfNodeRecord(raw: Record<string, unknown>, row: RowRef, problems: string[]): EntityMention | undefined {
  const kind = String(raw.kind ?? '').toUpperCase();
  if (!isNodeKind(kind)) {
    problems.push(`${row.where}: kind "${String(raw.kind ?? '')}" is not a node kind`);
    return undefined;
  }
  const nameColumns = Object.keys(raw).filter((k) => NAME_COLUMN.test(k));
  const fields = recordFields(
    raw,
    ['id', 'kind', 'name', 'altNames', 'names', ...nameColumns, 'sources', 'country'],
    ['ratings'],
    row,
    problems,
  );
  const altNames = Array.isArray(raw.altNames)
    ? (raw.altNames as string[])
    : splitNames(typeof raw.altNames === 'string' ? raw.altNames : undefined);
  const sources = recordSources(raw, row, problems);
  return {
    row,
    kind,
    id: optionalText(raw.id),
    name: optionalText(raw.name),
    altNames,
    names: namesOfRecord(raw, nameColumns, row, problems),
    countryText: optionalText(raw.country),
    fields,
    sources,
    create: true,
  };
}

/**
 * A record's names per language: its `names` list (an export's, each name with its sources; a list
 * or JSON text), then its `name@<lang>` columns. A column whose text differs from the list's name
 * in that language wins and cites the record, as its other facts do.
 */
function namesOfRecord(raw: Record<string, unknown>, nameColumns: readonly string[], row: RowRef, problems: string[]): MentionName[] {
  const listed = typeof raw.names === 'string' && raw.names !== '' ? parseJsonField(raw.names, 'names', row, problems) : raw.names;
  const names = new Map<string, MentionName>();
  if (Array.isArray(listed)) {
    for (const n of listed as Record<string, unknown>[]) {
      const name: MentionName = { lang: String(n?.lang ?? ''), text: String(n?.text ?? '') };
      if (Array.isArray(n?.sources)) name.sources = n.sources as Provenance[];
      if (names.has(name.lang)) problems.push(`${row.where}: names has two names in "${name.lang}"; a node has one name per language`);
      names.set(name.lang, name);
    }
  } else if (listed !== undefined && listed !== null && listed !== '')
    problems.push(`${row.where}: names must be a list of {"lang", "text", "sources"}`);
  for (const column of nameColumns) {
    const lang = NAME_COLUMN.exec(column)![1]!;
    const text = optionalText(raw[column])?.trim();
    if (text && names.get(lang)?.text !== text) names.set(lang, { lang, text });
  }
  return [...names.values()];
}

export function parseJsonField(text: string, field: string, row: RowRef, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    problems.push(`${row.where}: ${field} is not valid JSON`);
    return undefined;
  }
}

/** A relationship record (edge list, JSON, GraphML) as a relation mention between node ids. */
export function relationOfRecord(raw: Record<string, unknown>, row: RowRef, problems: string[]): RelationMention | undefined {
  const kind = String(raw.kind ?? '').toUpperCase();
  if (!isRelationKind(kind)) {
    problems.push(`${row.where}: kind "${String(raw.kind ?? '')}" is not a relationship kind`);
    return undefined;
  }
  const from = String(raw.from ?? '');
  const to = String(raw.to ?? '');
  if (from === '' || to === '') {
    problems.push(`${row.where}: a relationship needs "from" and "to"`);
    return undefined;
  }
  const fields = recordFields(raw, ['id', 'kind', 'from', 'to', 'sources'], [], row, problems);
  return { kind, id: optionalText(raw.id), from, to, fields, sources: recordSources(raw, row, problems) };
}
