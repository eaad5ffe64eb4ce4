import { z } from 'zod';
import { ImportRefusedError } from '../domain/errors.js';
import {
  NODE_KINDS,
  NODE_SCALAR_FIELDS,
  PARTNERSHIP_TYPES,
  RELATION_KINDS,
  RELATION_SCALAR_FIELDS,
  type NodeKind,
  type RelationKind,
} from '../domain/model.js';
import { langCode } from '../domain/records.js';

/**
 * How the columns of a tabular file (CSV, TSV) become nodes and relationships. A mapping names,
 * per row, the entities it mentions (each a node to match or create), the relationships between
 * them, and partnerships (a PARTNERSHIP node with a PARTY_TO from each side). It is given as a
 * small YAML or JSON file (`--mapping`), or picked by `preset`, or detected from the header.
 * See docs/data.md for the format and the presets.
 */

/** A column name, or a constant written `=value`. */
const column = z.string().min(1);

const entitySpec = z.strictObject({
  /** How relationships in this mapping refer to the entity. */
  ref: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a short lowercase name such as "a" or "member"'),
  kind: z.enum(NODE_KINDS).optional(),
  /** A column holding the kind (when rows mix kinds). */
  kindColumn: column.optional(),
  /** A column holding a node id: the row names an existing node, or the id of a new one. */
  id: column.optional(),
  name: column.optional(),
  /** A column of alternative names separated by "|". */
  altNames: column.optional(),
  /** Names per language from columns: { nl: name_nl, fr: name_fr }; each cites the row. */
  names: z.record(langCode, column).default({}),
  /** A column of free-text countries ("Belgium", "BE", "England, United Kingdom"). */
  country: column.optional(),
  /** Node fields from columns: { latitude: lat1 }. */
  fields: z.record(z.string(), column).default({}),
  /** Node fields with constant values: { level: MUNICIPALITY }. */
  defaults: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** false: only match existing nodes (an enrichment); rows naming an unknown entity are skipped. */
  create: z.boolean().default(true),
});
export type EntitySpec = z.output<typeof entitySpec>;

const relationSpec = z.strictObject({
  kind: z.enum(RELATION_KINDS),
  from: z.string(),
  to: z.string(),
  fields: z.record(z.string(), column).default({}),
  defaults: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type RelationSpec = z.output<typeof relationSpec>;

const partnershipSpec = z.strictObject({
  between: z.tuple([z.string(), z.string()]),
  partnershipType: z.enum(PARTNERSHIP_TYPES).default('TWINNING'),
  /** Partnership fields from columns: { since: year }. */
  fields: z.record(z.string(), column).default({}),
});
export type PartnershipSpec = z.output<typeof partnershipSpec>;

export const mappingSchema = z.strictObject({
  preset: z.enum(['pairs', 'memberships', 'nodes', 'edges', 'geonames']).optional(),
  delimiter: z.string().min(1).max(2).optional(),
  /** The quote character, or false for files without quoting (GeoNames). */
  quote: z.union([z.string().length(1), z.literal(false)]).optional(),
  /** Column names for a file without a header line. */
  columns: z.array(z.string().min(1)).optional(),
  entities: z.array(entitySpec).default([]),
  relations: z.array(relationSpec).default([]),
  partnerships: z.array(partnershipSpec).default([]),
  /** Free-text country -> ISO code, for names the importer does not know ("Northern Cyprus": CY). */
  countryAliases: z.record(z.string(), z.string().regex(/^[A-Z]{2}$/)).default({}),
  /** Columns present in the file that the mapping does not use and that are not an error. */
  ignoreColumns: z.array(z.string()).default([]),
  /** The SOURCE node for the file: its name, publisher and URL (defaults from the file name). */
  source: z
    .strictObject({ name: z.string().min(1).optional(), publisher: z.string().min(1).optional(), url: z.url().optional() })
    .default({}),
});
export type Mapping = z.output<typeof mappingSchema>;
export type MappingInput = z.input<typeof mappingSchema>;

const NODE_FIELD_SET: ReadonlySet<string> = new Set(NODE_SCALAR_FIELDS);
const RELATION_FIELD_SET: ReadonlySet<string> = new Set(RELATION_SCALAR_FIELDS);

/** Fields a node-list or edge-list file may carry as columns (besides the scalar fields). */
export const NODE_COLUMNS = ['id', 'kind', 'name', 'altNames', 'names', 'sources', 'ratings', ...NODE_SCALAR_FIELDS] as const;

/** A node-list column holding the name in one language: `name@nl`, `name@fr` (the language as in LocalizedName). */
export const NAME_COLUMN = /^name@([a-z]{2,3})$/;
export const RELATION_COLUMNS = ['id', 'kind', 'from', 'to', 'sources', ...RELATION_SCALAR_FIELDS] as const;

/**
 * The presets, for the common shapes:
 *   pairs        city1,country1,city2,country2 (+ lat1,lng1,lat2,lng2, since, altNames1, altNames2,
 *                city1@nl, city2@fr, ...): two municipalities and a TWINNING partnership between
 *                them (the shape of twin-cities.csv)
 *   memberships  member,country,network (+ role, since): a municipality MEMBER_OF a network
 *   nodes        id,kind,name,... node fields as columns (an export's nodes.csv)
 *   edges        id,kind,from,to,... relationship fields as columns (an export's edges.csv)
 *   geonames     the 19 columns of a GeoNames dump, no header, tab-separated: fills country-matched
 *                municipalities' coordinates and population and adds alternate names (Latin script,
 *                at most 40 per place: gazetteerAltNames); creates nothing
 */
export function presetMapping(preset: NonNullable<Mapping['preset']>, header: readonly string[] = []): MappingInput {
  const has = (c: string) => header.includes(c);
  switch (preset) {
    case 'pairs': {
      const side = (n: 1 | 2): EntitySpecInput => ({
        ref: n === 1 ? 'a' : 'b',
        kind: 'MUNICIPALITY',
        name: `city${n}`,
        country: `country${n}`,
        // Optional: other names of the place ("|"-separated), and its name per language (city1@nl).
        ...(has(`altNames${n}`) ? { altNames: `altNames${n}` } : {}),
        names: Object.fromEntries(header.filter((c) => c.startsWith(`city${n}@`)).map((c) => [c.slice(`city${n}@`.length), c])),
        fields: {
          ...(has(`lat${n}`) ? { latitude: `lat${n}` } : {}),
          ...(has(`lng${n}`) ? { longitude: `lng${n}` } : {}),
        },
        defaults: { level: 'MUNICIPALITY' },
      });
      return {
        preset,
        entities: [side(1), side(2)],
        partnerships: [{ between: ['a', 'b'], partnershipType: 'TWINNING', fields: has('since') ? { since: 'since' } : {} }],
      };
    }
    case 'memberships':
      return {
        preset,
        entities: [
          { ref: 'member', kind: 'MUNICIPALITY', name: 'member', country: 'country', defaults: { level: 'MUNICIPALITY' } },
          { ref: 'network', kind: 'NETWORK', name: 'network' },
        ],
        relations: [
          {
            kind: 'MEMBER_OF',
            from: 'member',
            to: 'network',
            fields: { ...(has('role') ? { role: 'role' } : {}), ...(has('since') ? { since: 'since' } : {}) },
          },
        ],
      };
    case 'nodes':
      return { preset };
    case 'edges':
      return { preset };
    case 'geonames':
      return {
        preset,
        delimiter: '\t',
        quote: false,
        columns: GEONAMES_COLUMNS,
        ignoreColumns: GEONAMES_COLUMNS.filter(
          (c) => !['name', 'alternatenames', 'latitude', 'longitude', 'country_code', 'population'].includes(c),
        ),
        entities: [
          {
            ref: 'place',
            kind: 'MUNICIPALITY',
            name: 'name',
            altNames: 'alternatenames',
            country: 'country_code',
            fields: { latitude: 'latitude', longitude: 'longitude', population: 'population' },
            create: false,
          },
        ],
        source: { name: 'GeoNames cities15000', publisher: 'GeoNames (geonames.org), CC BY 4.0', url: 'https://www.geonames.org/' },
      };
  }
}
type EntitySpecInput = z.input<typeof entitySpec>;

export const GEONAMES_COLUMNS = [
  'geonameid',
  'name',
  'asciiname',
  'alternatenames',
  'latitude',
  'longitude',
  'feature_class',
  'feature_code',
  'country_code',
  'cc2',
  'admin1_code',
  'admin2_code',
  'admin3_code',
  'admin4_code',
  'population',
  'elevation',
  'dem',
  'timezone',
  'modification_date',
];

/** The preset a header looks like, or undefined. */
export function detectPreset(header: readonly string[]): Mapping['preset'] | undefined {
  const has = (...cs: string[]) => cs.every((c) => header.includes(c));
  if (has('city1', 'country1', 'city2', 'country2')) return 'pairs';
  if (has('member', 'network')) return 'memberships';
  if (has('kind', 'from', 'to')) return 'edges';
  if (has('kind', 'name')) return 'nodes';
  return undefined;
}

export class MappingError extends ImportRefusedError {
  constructor(message: string) {
    super('MAPPING_INVALID', message);
  }
}

/**
 * Checks a mapping against the file's columns: every column it names must exist, every column
 * of the file must be used or listed in ignoreColumns (a misspelt header must not silently drop
 * data), fields must be node or relationship fields, refs must be declared.
 */
export function checkMapping(mapping: Mapping, header: readonly string[], file: string): void {
  const problems: string[] = [];
  const columns = new Set(header);
  const used = new Set<string>();
  const useColumn = (c: string | undefined, what: string) => {
    if (c === undefined || c.startsWith('=')) return;
    used.add(c);
    if (!columns.has(c)) problems.push(`${what} names the column "${c}", which the file does not have (its columns: ${header.join(', ')})`);
  };
  if (mapping.preset === 'nodes' || mapping.preset === 'edges') {
    const allowed: readonly string[] = mapping.preset === 'nodes' ? NODE_COLUMNS : RELATION_COLUMNS;
    for (const c of header)
      if (!allowed.includes(c) && !mapping.ignoreColumns.includes(c) && !(mapping.preset === 'nodes' && NAME_COLUMN.test(c)))
        problems.push(
          `unknown column "${c}": a ${mapping.preset === 'nodes' ? 'node' : 'relationship'} has no such field (fields: ${allowed.join(', ')}${mapping.preset === 'nodes' ? ', and name@<language> such as name@nl' : ''})`,
        );
    for (const c of mapping.preset === 'nodes' ? ['kind', 'name'] : ['kind', 'from', 'to'])
      if (!columns.has(c)) problems.push(`the column "${c}" is missing`);
  } else {
    const refs = new Set(mapping.entities.map((e) => e.ref));
    for (const e of mapping.entities) {
      if (e.kind === undefined && e.kindColumn === undefined) problems.push(`entity "${e.ref}" needs a kind or a kindColumn`);
      if (e.name === undefined && e.id === undefined) problems.push(`entity "${e.ref}" needs a name or an id column`);
      for (const [key, c] of [
        ['kindColumn', e.kindColumn],
        ['id', e.id],
        ['name', e.name],
        ['altNames', e.altNames],
        ['country', e.country],
      ] as const)
        useColumn(c, `entity "${e.ref}" ${key}`);
      for (const [lang, c] of Object.entries(e.names)) useColumn(c, `entity "${e.ref}" names.${lang}`);
      for (const [field, c] of Object.entries(e.fields)) {
        if (!NODE_FIELD_SET.has(field)) problems.push(`entity "${e.ref}": "${field}" is not a node field`);
        useColumn(c, `entity "${e.ref}" field ${field}`);
      }
      for (const field of Object.keys(e.defaults))
        if (!NODE_FIELD_SET.has(field)) problems.push(`entity "${e.ref}": "${field}" is not a node field`);
    }
    for (const r of mapping.relations) {
      for (const ref of [r.from, r.to])
        if (!refs.has(ref)) problems.push(`relation ${r.kind} refers to "${ref}", which is not an entity of the mapping`);
      for (const [field, c] of Object.entries(r.fields)) {
        if (!RELATION_FIELD_SET.has(field)) problems.push(`relation ${r.kind}: "${field}" is not a relationship field`);
        useColumn(c, `relation ${r.kind} field ${field}`);
      }
    }
    for (const p of mapping.partnerships) {
      for (const ref of p.between)
        if (!refs.has(ref)) problems.push(`partnership refers to "${ref}", which is not an entity of the mapping`);
      for (const [field, c] of Object.entries(p.fields)) {
        if (!['since', 'until', 'status', 'name', 'description'].includes(field))
          problems.push(`partnership: "${field}" is not a partnership field (since, until, status, name, description)`);
        useColumn(c, `partnership field ${field}`);
      }
    }
    if (mapping.entities.length === 0)
      problems.push('the mapping has no entities: name a preset (pairs, memberships, nodes, edges, geonames) or list entities');
    for (const c of header)
      if (!used.has(c) && !mapping.ignoreColumns.includes(c))
        problems.push(`unknown column "${c}": the mapping does not use it (map it, or list it in "ignoreColumns")`);
  }
  if (problems.length > 0)
    throw new MappingError(`${file}: the mapping does not fit the file:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

/** Parses a mapping (already read from YAML or JSON); a preset's entries come first, the mapping's own settings override. */
export function resolveMapping(input: unknown, header: readonly string[] | undefined, file: string): Mapping {
  const parsed = mappingSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new MappingError(
      `${file}: the mapping is not valid:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n')}`,
    );
  }
  const own = parsed.data;
  const preset = own.preset ?? (header ? detectPreset(header) : undefined);
  if (!preset) return own;
  const base = mappingSchema.parse(presetMapping(preset, header ?? []));
  return {
    ...base,
    ...Object.fromEntries(
      Object.entries(own).filter(
        ([, v]) =>
          v !== undefined &&
          !(Array.isArray(v) && v.length === 0) &&
          !(typeof v === 'object' && !Array.isArray(v) && v !== null && Object.keys(v).length === 0),
      ),
    ),
    preset,
    countryAliases: { ...base.countryAliases, ...own.countryAliases },
    ignoreColumns: [...base.ignoreColumns, ...own.ignoreColumns],
  } as Mapping;
}

export const isNodeKind = (k: string): k is NodeKind => (NODE_KINDS as readonly string[]).includes(k);
export const isRelationKind = (k: string): k is RelationKind => (RELATION_KINDS as readonly string[]).includes(k);
