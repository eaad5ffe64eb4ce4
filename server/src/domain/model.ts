/**
 * The domain model of Cooperation Atlas: the node and relationship kinds, their properties and
 * provenance. Shared by the seed validator, both store adapters and the GraphQL layer, so that
 * a fact means the same thing wherever it travels.
 */

export const NODE_KINDS = [
  'MUNICIPALITY',
  'ORGANIZATION',
  'NETWORK',
  'FUNDING_PROGRAM',
  'PROJECT',
  'PARTNERSHIP',
  'APPROACH',
  'THEME',
  'SDG',
  'COUNTRY',
  'SOURCE',
  'PERSON',
  'PLACE',
  'AWARD',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * Each kind's name in PascalCase: the GraphQL object type of the kind and its Neo4j label are both
 * this name, so the two can never drift apart.
 */
export const KIND_TYPE_NAME: Record<NodeKind, string> = {
  MUNICIPALITY: 'Municipality',
  ORGANIZATION: 'Organization',
  NETWORK: 'Network',
  FUNDING_PROGRAM: 'FundingProgram',
  PROJECT: 'Project',
  PARTNERSHIP: 'Partnership',
  APPROACH: 'Approach',
  THEME: 'Theme',
  SDG: 'Sdg',
  COUNTRY: 'Country',
  SOURCE: 'Source',
  PERSON: 'Person',
  PLACE: 'Place',
  AWARD: 'Award',
};

export const RELATION_KINDS = [
  'PARTY_TO',
  'MEMBER_OF',
  'PARTICIPATES_IN',
  'COORDINATES',
  'FUNDS',
  'SUPPORTS',
  'COLLABORATES_WITH',
  'LOCATED_IN',
  'PART_OF',
  'HOSTED_BY',
  'EXEMPLIFIES',
  'ADDRESSES_THEME',
  'CONTRIBUTES_TO_SDG',
  'FOUNDED_BY',
  'AWARDS',
  'FOLLOWS_UP',
  'AFFILIATED_WITH',
  'ACTIVE_IN',
  'CONCERNS',
  'RESOURCE_FOR',
  'FUNDING_FOR',
  'WINS',
  'HAS_ROLE_IN',
  'REQUESTS_SUPPORT_FROM',
  'CITES',
  'PUBLISHED_BY',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export const MUNICIPALITY_LEVELS = ['MUNICIPALITY', 'CITY', 'PROVINCE', 'DEPARTMENT', 'REGION', 'INTERMUNICIPAL'] as const;
export type MunicipalityLevel = (typeof MUNICIPALITY_LEVELS)[number];

export const ORG_TYPES = [
  'NGO',
  'NON_PROFIT',
  'DIASPORA_ASSOCIATION',
  'YOUTH_ORGANIZATION',
  'SCHOOL',
  'UNIVERSITY',
  'RESEARCH_INSTITUTE',
  'HOSPITAL',
  'COMPANY',
  'COOPERATIVE',
  'FOUNDATION',
  'TRADE_UNION',
  'GOVERNMENT_BODY',
  'ASSOCIATION_OF_MUNICIPALITIES',
  'ADVISORY_BOARD',
  'COMMITTEE',
  'INTERNATIONAL_ORGANIZATION',
  'MEDIA',
  'OTHER',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** PLACE: what kind of place below or beside a municipality the source names. */
export const PLACE_TYPES = ['REGION', 'LOCALITY', 'NATURE_AREA', 'SITE'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export const NETWORK_SCOPES = ['GLOBAL', 'EUROPEAN', 'REGIONAL', 'NATIONAL'] as const;
export type NetworkScope = (typeof NETWORK_SCOPES)[number];

export const PARTNERSHIP_TYPES = ['CITY_TO_CITY', 'TWINNING', 'FRIENDSHIP', 'FORMAL_PARTNERSHIP', 'ORGANIZATIONAL', 'OTHER'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

export const PARTNERSHIP_STATUSES = ['ACTIVE', 'ENDED', 'UNKNOWN'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const PROJECT_STATUSES = ['ONGOING', 'COMPLETED', 'UNKNOWN'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const AMOUNT_PERIODS = ['TOTAL', 'PER_YEAR', 'PER_PARTNERSHIP', 'PER_GRANT'] as const;
export type AmountPeriod = (typeof AMOUNT_PERIODS)[number];

/** The unit of a programme's or project's length ("for a period of 2 years", "a one-week program"). */
export const DURATION_UNITS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const SOURCE_TYPES = ['DOCUMENT', 'LITERATURE', 'WEBSITE', 'DATASET'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const QUANTITY_QUALIFIERS = ['EXACT', 'ABOUT', 'AT_LEAST', 'MORE_THAN', 'ALMOST'] as const;
export type QuantityQualifier = (typeof QUANTITY_QUALIFIERS)[number];

/** The eight features of the source's summary table ("In a nutshell"), in its column order. */
export const APPROACH_FEATURES = [
  {
    key: 'GOVERNANCE_STRENGTHENING',
    label: 'Contribution to governance strengthening',
    printedLabel: 'Contrbution to governance strengthening',
  },
  {
    key: 'POLITICAL_ADMINISTRATIVE_INVOLVEMENT',
    label: 'Political and administrative involvement',
    printedLabel: 'Political and administrative involvement',
  },
  {
    key: 'CIVIL_SOCIETY_INVOLVEMENT',
    label: 'Civil society involvement (associations, NGOs, schools)',
    printedLabel: 'Civil society involvement associations, NGOs, schools',
  },
  {
    key: 'PRIVATE_SECTOR_INVOLVEMENT',
    label: 'Private sector involvement (companies, social economy)',
    printedLabel: 'Private sector involvement companies, social economy',
  },
  { key: 'RECIPROCITY', label: 'Reciprocity', printedLabel: 'Reciprocity' },
  {
    key: 'GLOBAL_CITIZENSHIP',
    label: 'Opportunities for global citizenship',
    printedLabel: 'Opportunities for global citizenship',
  },
  { key: 'DURATION', label: 'Duration', printedLabel: 'Duration' },
  { key: 'BUDGET', label: 'Budget', printedLabel: 'Budget' },
] as const;
export type ApproachFeature = (typeof APPROACH_FEATURES)[number]['key'];
export const APPROACH_FEATURE_KEYS = APPROACH_FEATURES.map((f) => f.key) as ApproachFeature[];

/**
 * Where a fact comes from: a SOURCE node id, where in that source, and a short verbatim quote;
 * for facts brought in by an import or an edit, when (ISO 8601 date-time). `derived: true` marks
 * a fact the source does not state one by one but that follows from a general statement (the
 * quote is then that general sentence: "All 300 municipalities in Flanders are members").
 */
export interface Provenance {
  source: string;
  locator: string;
  quote: string;
  importedAt?: string;
  derived?: boolean;
}

/**
 * A node's name in one language, with where it comes from. `lang` is a lowercase BCP 47 primary
 * language subtag ("en", "nl", "fr", "de"). A node has at most one name per language: the name the
 * API serves for that language (other spellings stay in altNames). See docs/adr/0022.
 */
export interface LocalizedName {
  lang: string;
  text: string;
  sources: Provenance[];
}

/** One cell of the summary table, kept exactly as printed ("+++", "-", and one cell printed "1"). */
export interface ApproachRating {
  feature: ApproachFeature;
  printed: string;
}

/**
 * A node of the graph. Kind-specific fields are optional and flat, so that both stores keep them
 * as plain properties; which fields a kind may carry is enforced by the record schemas.
 */
export interface GraphNode {
  id: string;
  kind: NodeKind;
  name: string;
  altNames: string[];
  /** Names per language, one per language, ordered by language code; [] when none is known. */
  names: LocalizedName[];
  description?: string;
  /** The Wikidata item (QID, "Q12994") the node is: imports merge on it before names. */
  wikidata?: string;
  /** ISO 3166-1 alpha-2 code of the country the node is located in. */
  country?: string;
  level?: MunicipalityLevel;
  /** PLACE: region, locality, nature area or site. */
  placeType?: PlaceType;
  /** MUNICIPALITY: WGS 84 coordinates and inhabitants, as a gazetteer or an import gives them. */
  latitude?: number;
  longitude?: number;
  population?: number;
  orgType?: OrgType;
  scope?: NetworkScope;
  foundedYear?: number;
  memberCount?: number;
  memberCountQualifier?: QuantityQualifier;
  partnershipType?: PartnershipType;
  status?: PartnershipStatus | ProjectStatus;
  since?: number;
  until?: number;
  startYear?: number;
  endYear?: number;
  amount?: number;
  amountMax?: number;
  currency?: string;
  amountPeriod?: AmountPeriod;
  /** FUNDING_PROGRAM, PROJECT: the length the source states, as a figure or a range, in durationUnit. */
  duration?: number;
  durationMax?: number;
  durationUnit?: DurationUnit;
  /** APPROACH: its chapter number (1-8) and the summary table's ratings. */
  number?: number;
  ratings?: ApproachRating[];
  /** COUNTRY: ISO 3166-1 alpha-2 code. */
  code?: string;
  /** SOURCE fields. */
  sourceType?: SourceType;
  authors?: string;
  publisher?: string;
  year?: number;
  url?: string;
  sources: Provenance[];
}

/** A directed, typed relationship. Property fields are optional; the sources are not. */
export interface GraphRelation {
  id: string;
  kind: RelationKind;
  from: string;
  to: string;
  role?: string;
  since?: number;
  until?: number;
  year?: number;
  amount?: number;
  amountMax?: number;
  currency?: string;
  amountPeriod?: AmountPeriod;
  note?: string;
  sources: Provenance[];
}

/** Fields a node of any kind may carry, beyond which the record schema per kind decides. */
export const NODE_SCALAR_FIELDS = [
  'description',
  'wikidata',
  'country',
  'level',
  'placeType',
  'latitude',
  'longitude',
  'population',
  'orgType',
  'scope',
  'foundedYear',
  'memberCount',
  'memberCountQualifier',
  'partnershipType',
  'status',
  'since',
  'until',
  'startYear',
  'endYear',
  'amount',
  'amountMax',
  'currency',
  'amountPeriod',
  'duration',
  'durationMax',
  'durationUnit',
  'number',
  'code',
  'sourceType',
  'authors',
  'publisher',
  'year',
  'url',
] as const satisfies readonly (keyof GraphNode)[];

export const RELATION_SCALAR_FIELDS = [
  'role',
  'since',
  'until',
  'year',
  'amount',
  'amountMax',
  'currency',
  'amountPeriod',
  'note',
] as const satisfies readonly (keyof GraphRelation)[];

/** Parses a printed rating into a number (+ = 1 ... +++ = 3, - = 0); anything else is unreadable. */
export function ratingScore(printed: string): number | null {
  if (printed === '-') return 0;
  if (/^\+{1,3}$/.test(printed)) return printed.length;
  return null;
}

/** A Wikidata item id (QID): "Q" and a number without leading zeros. */
export const WIKIDATA_QID = /^Q[1-9][0-9]*$/;

/** The id of the COUNTRY node for an ISO 3166-1 alpha-2 code. */
export function countryNodeId(code: string): string {
  return `country-${code.toLowerCase()}`;
}

/** A default, stable relation id when a record does not give one. */
export function defaultRelationId(kind: RelationKind, from: string, to: string): string {
  return `${from}--${kind.toLowerCase().replace(/_/g, '-')}--${to}`;
}
