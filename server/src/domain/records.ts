import { z } from 'zod';
import {
  AMOUNT_PERIODS,
  APPROACH_FEATURE_KEYS,
  DURATION_UNITS,
  MUNICIPALITY_LEVELS,
  NETWORK_SCOPES,
  ORG_TYPES,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  PLACE_TYPES,
  PROJECT_STATUSES,
  QUANTITY_QUALIFIERS,
  RELATION_KINDS,
  SOURCE_TYPES,
  type NodeKind,
  type RelationKind,
  WIKIDATA_QID,
} from './model.js';
import { byLang } from './merge.js';
import { textProblem, type TextField } from './textRules.js';

/**
 * Record schemas: what a node or relationship must look like wherever it enters the graph
 * (seed files today, imports and mutations later). Strict objects: an unknown field is an error,
 * because a typo in a hand-edited file must not silently drop a fact.
 */

export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug: lowercase letters, digits and single hyphens');
const year = z.int().min(1000).max(2100);
const isoCountry = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "BE"');
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"');
/** Text of a kind (textRules.ts): no control characters, bounded length. */
const text = (field: TextField) =>
  z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, field);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const nonEmpty = text('short').trim().min(1, 'must not be empty');
const nameText = text('name').trim().min(1, 'must not be empty');
const longText = text('long').trim().min(1, 'must not be empty');

export const provenanceSchema = z.strictObject({
  source: slug,
  locator: nonEmpty,
  quote: text('long').trim().min(3, 'must quote at least a few words').max(400, 'keep quotes short (at most 400 characters)'),
  importedAt: z.iso.datetime({ message: 'must be an ISO 8601 date-time such as "2026-11-03T10:00:00Z"' }).optional(),
  /** The fact follows from a general statement (the quote) rather than being stated one by one. */
  derived: z.literal(true, { message: 'derived is either true or left out' }).optional(),
});

/** A lowercase BCP 47 primary language subtag (ISO 639-1, or 639-3 where a language has no two-letter code). */
export const langCode = z.string().regex(/^[a-z]{2,3}$/, 'must be a lowercase language code such as "en", "nl" or "fr"');

const localizedName = z.strictObject({
  lang: langCode,
  text: nameText,
  sources: z.array(provenanceSchema).min(1, 'a name in a language needs its source'),
});

/** At most one name per language (the one the API serves); kept in language order. */
const localizedNames = z
  .array(localizedName)
  .default([])
  .superRefine((names, ctx) => {
    const seen = new Set<string>();
    names.forEach((n, i) => {
      if (seen.has(n.lang))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'lang'],
          message: `a second name in "${n.lang}": a node has one name per language; put other spellings in altNames`,
        });
      seen.add(n.lang);
    });
  })
  .transform((names) => names.sort(byLang));

const amountFields = {
  amount: z.number().nonnegative().optional(),
  amountMax: z.number().nonnegative().optional(),
  currency: currency.optional(),
  amountPeriod: z.enum(AMOUNT_PERIODS).optional(),
};

const durationFields = {
  duration: z.number().positive().optional(),
  durationMax: z.number().positive().optional(),
  durationUnit: z.enum(DURATION_UNITS).optional(),
};

const base = {
  id: slug,
  name: nameText,
  altNames: z.array(nameText).default([]),
  names: localizedNames,
  description: longText.optional(),
  /** The Wikidata item the node is (any kind may have one). */
  wikidata: z.string().regex(WIKIDATA_QID, 'must be a Wikidata item id such as "Q12994"').optional(),
  sources: z.array(provenanceSchema).min(1, 'every node needs at least one source'),
};

const municipality = z.strictObject({
  ...base,
  kind: z.literal('MUNICIPALITY'),
  level: z.enum(MUNICIPALITY_LEVELS),
  // Optional: only when the source (or an import or gazetteer, with its own provenance) states it.
  country: isoCountry.optional(),
  foundedYear: year.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  population: z.int().nonnegative().optional(),
});
const organization = z.strictObject({
  ...base,
  kind: z.literal('ORGANIZATION'),
  orgType: z.enum(ORG_TYPES),
  country: isoCountry.optional(),
  foundedYear: year.optional(),
});
const network = z.strictObject({
  ...base,
  kind: z.literal('NETWORK'),
  scope: z.enum(NETWORK_SCOPES).optional(),
  country: isoCountry.optional(),
  foundedYear: year.optional(),
  memberCount: z.int().positive().optional(),
  memberCountQualifier: z.enum(QUANTITY_QUALIFIERS).optional(),
});
const fundingProgram = z.strictObject({
  ...base,
  kind: z.literal('FUNDING_PROGRAM'),
  scope: z.enum(NETWORK_SCOPES).optional(),
  startYear: year.optional(),
  endYear: year.optional(),
  ...amountFields,
  ...durationFields,
});
const project = z.strictObject({
  ...base,
  kind: z.literal('PROJECT'),
  country: isoCountry.optional(),
  startYear: year.optional(),
  endYear: year.optional(),
  status: z.enum(PROJECT_STATUSES).default('UNKNOWN'),
  ...amountFields,
  ...durationFields,
});
const partnership = z.strictObject({
  ...base,
  kind: z.literal('PARTNERSHIP'),
  partnershipType: z.enum(PARTNERSHIP_TYPES),
  since: year.optional(),
  until: year.optional(),
  status: z.enum(PARTNERSHIP_STATUSES).default('UNKNOWN'),
});
const approach = z.strictObject({
  ...base,
  kind: z.literal('APPROACH'),
  number: z.int().min(1).max(8),
  ratings: z
    .array(z.strictObject({ feature: z.enum(APPROACH_FEATURE_KEYS as [string, ...string[]]), printed: nonEmpty }))
    .length(8, 'an approach has exactly eight ratings, one per feature of the summary table'),
});
const theme = z.strictObject({ ...base, kind: z.literal('THEME') });
const sdg = z.strictObject({ ...base, kind: z.literal('SDG'), number: z.int().min(1).max(17) });
const country = z.strictObject({ ...base, kind: z.literal('COUNTRY'), code: isoCountry });
const person = z.strictObject({ ...base, kind: z.literal('PERSON') });
const place = z.strictObject({
  ...base,
  kind: z.literal('PLACE'),
  placeType: z.enum(PLACE_TYPES),
  country: isoCountry.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
const award = z.strictObject({ ...base, kind: z.literal('AWARD'), scope: z.enum(NETWORK_SCOPES).optional() });
const source = z.strictObject({
  ...base,
  kind: z.literal('SOURCE'),
  sourceType: z.enum(SOURCE_TYPES),
  authors: nonEmpty.optional(),
  publisher: nonEmpty.optional(),
  year: year.optional(),
  url: z.url().optional(),
});

export const nodeRecordSchema = z
  .discriminatedUnion('kind', [
    municipality,
    organization,
    network,
    fundingProgram,
    project,
    partnership,
    approach,
    theme,
    sdg,
    country,
    source,
    person,
    place,
    award,
  ])
  .superRefine((n, ctx) => {
    const from = 'since' in n ? n.since : 'startYear' in n ? n.startYear : undefined;
    const to = 'until' in n ? n.until : 'endYear' in n ? n.endYear : undefined;
    if (from !== undefined && to !== undefined && to < from) {
      ctx.addIssue({ code: 'custom', message: `the period ends (${to}) before it starts (${from})` });
    }
    if ('duration' in n && (n.duration !== undefined || n.durationMax !== undefined) && n.durationUnit === undefined) {
      ctx.addIssue({ code: 'custom', path: ['durationUnit'], message: 'a duration needs its unit: DAY, WEEK, MONTH or YEAR' });
    }
  });
export type NodeRecord = z.output<typeof nodeRecordSchema>;

/** Relationship ids may join node slugs with "--", as the default ids do. */
const relationId = z.string().regex(/^[a-z0-9]+(--?[a-z0-9]+)*$/, 'must be lowercase letters and digits joined by "-" or "--"');

export const relationRecordSchema = z
  .strictObject({
    id: relationId.optional(),
    kind: z.enum(RELATION_KINDS),
    from: slug,
    to: slug,
    role: nonEmpty.optional(),
    since: year.optional(),
    until: year.optional(),
    year: year.optional(),
    ...amountFields,
    note: longText.optional(),
    sources: z.array(provenanceSchema).min(1, 'every relationship needs at least one source'),
  })
  .refine((r) => r.from !== r.to, { message: 'a relationship cannot link a node to itself' });
export type RelationRecord = z.output<typeof relationRecordSchema>;

const ANY: readonly NodeKind[] = ['MUNICIPALITY', 'ORGANIZATION', 'NETWORK', 'FUNDING_PROGRAM', 'PROJECT', 'PARTNERSHIP'];
const ACTORS: readonly NodeKind[] = ['MUNICIPALITY', 'ORGANIZATION', 'NETWORK'];
/** Where something is, takes place or is active: a country, a municipality or a place below or beside one. */
const WHERE: readonly NodeKind[] = ['COUNTRY', 'MUNICIPALITY', 'PLACE'];

/**
 * Which kinds of node each relationship kind may connect (from -> to). Checked on load so that a
 * relationship pointing the wrong way, or at the wrong kind of node, is refused with a message.
 */
export const RELATION_ENDPOINTS: Record<RelationKind, { from: readonly NodeKind[]; to: readonly NodeKind[] }> = {
  PARTY_TO: { from: ['MUNICIPALITY', 'ORGANIZATION'], to: ['PARTNERSHIP'] },
  MEMBER_OF: { from: ACTORS, to: ['NETWORK', 'ORGANIZATION'] },
  PARTICIPATES_IN: { from: [...ACTORS, 'PARTNERSHIP', 'PERSON'], to: ['PROJECT', 'FUNDING_PROGRAM', 'NETWORK'] },
  COORDINATES: { from: ACTORS, to: ['PROJECT', 'FUNDING_PROGRAM', 'NETWORK'] },
  FUNDS: { from: ['FUNDING_PROGRAM', 'ORGANIZATION', 'MUNICIPALITY', 'NETWORK'], to: [...ANY, 'SOURCE'] },
  SUPPORTS: { from: ANY, to: ANY },
  COLLABORATES_WITH: { from: ANY, to: ANY },
  LOCATED_IN: { from: ['MUNICIPALITY', 'ORGANIZATION', 'NETWORK', 'PROJECT', 'PLACE', 'PERSON'], to: WHERE },
  PART_OF: { from: ['MUNICIPALITY', 'ORGANIZATION', 'NETWORK', 'FUNDING_PROGRAM', 'PROJECT', 'PLACE'], to: [...ANY, 'PLACE'] },
  HOSTED_BY: { from: ['ORGANIZATION', 'NETWORK', 'PROJECT', 'FUNDING_PROGRAM'], to: ['ORGANIZATION', 'NETWORK', 'MUNICIPALITY', 'PLACE'] },
  // A case the source presents under the approach (a programme only when it is a case section of its own; a programme listed as funding available is FUNDING_FOR).
  EXEMPLIFIES: { from: ANY, to: ['APPROACH'] },
  ADDRESSES_THEME: { from: [...ANY, 'APPROACH'], to: ['THEME'] },
  CONTRIBUTES_TO_SDG: { from: [...ANY, 'THEME'], to: ['SDG'] },
  FOUNDED_BY: { from: ['ORGANIZATION', 'NETWORK', 'MUNICIPALITY', 'PROJECT'], to: ['MUNICIPALITY', 'ORGANIZATION', 'PERSON'] },
  AWARDS: { from: ['ORGANIZATION', 'NETWORK', 'FUNDING_PROGRAM'], to: ['AWARD'] },
  AFFILIATED_WITH: { from: ACTORS, to: ['ORGANIZATION', 'NETWORK'] },
  FOLLOWS_UP: { from: ['PROJECT', 'FUNDING_PROGRAM'], to: ['PROJECT', 'FUNDING_PROGRAM'] },
  ACTIVE_IN: { from: [...ACTORS, 'FUNDING_PROGRAM'], to: WHERE },
  CONCERNS: { from: ANY, to: WHERE },
  RESOURCE_FOR: { from: ['SOURCE', 'ORGANIZATION', 'NETWORK', 'FUNDING_PROGRAM', 'PROJECT'], to: ['APPROACH'] },
  FUNDING_FOR: { from: ['FUNDING_PROGRAM', 'ORGANIZATION', 'NETWORK', 'MUNICIPALITY'], to: ['APPROACH'] },
  WINS: { from: [...ANY, 'PERSON'], to: ['AWARD'] },
  HAS_ROLE_IN: { from: ['PERSON'], to: [...ACTORS, 'PROJECT'] },
  REQUESTS_SUPPORT_FROM: { from: [...ACTORS, 'PERSON'], to: [...ACTORS, 'PERSON'] },
  CITES: { from: ['SOURCE'], to: ['SOURCE'] },
  PUBLISHED_BY: { from: ['SOURCE'], to: ACTORS },
};
