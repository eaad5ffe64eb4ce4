/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AmountPeriod =
  | 'PER_GRANT'
  | 'PER_PARTNERSHIP'
  | 'PER_YEAR'
  | 'TOTAL';

/** The eight features of the source's summary table, in its column order. */
export type ApproachFeature =
  | 'BUDGET'
  | 'CIVIL_SOCIETY_INVOLVEMENT'
  | 'DURATION'
  | 'GLOBAL_CITIZENSHIP'
  | 'GOVERNANCE_STRENGTHENING'
  | 'POLITICAL_ADMINISTRATIVE_INVOLVEMENT'
  | 'PRIVATE_SECTOR_INVOLVEMENT'
  | 'RECIPROCITY';

/**
 * Filters shared by the lists. Values inside one list are alternatives; different filters must all
 * hold. approaches/themes/programs also match through the partnerships and projects a node takes
 * part in; networks match MEMBER_OF, PARTICIPATES_IN and COORDINATES.
 */
export type CommonFilter = {
  approaches?: Array<string> | null | undefined;
  /** ISO 3166-1 alpha-2 codes. */
  countries?: Array<string> | null | undefined;
  networks?: Array<string> | null | undefined;
  programs?: Array<string> | null | undefined;
  themes?: Array<string> | null | undefined;
  years?: YearRange | null | undefined;
};

export type Direction =
  | 'BOTH'
  | 'IN'
  | 'OUT';

export type DurationUnit =
  | 'DAY'
  | 'MONTH'
  | 'WEEK'
  | 'YEAR';

/** How much one shared feature counts. */
export type FeatureWeighting =
  /** Every feature counts 1. */
  | 'EQUAL'
  /**
   * ln(1 + N / n): N municipalities in the graph, n of them have the feature. A partner city two
   * municipalities share counts far more than a country thousands share. The default.
   */
  | 'RARITY';

/** A wish about one feature of the summary table: a minimum, a maximum (as '+' counts: '-' = 0 ... '+++' = 3), and a weight. */
export type FeatureWish = {
  feature: ApproachFeature;
  max?: number | null | undefined;
  min?: number | null | undefined;
  weight?: number | null | undefined;
};

export type MunicipalityLevel =
  | 'CITY'
  | 'DEPARTMENT'
  | 'INTERMUNICIPAL'
  | 'MUNICIPALITY'
  | 'PROVINCE'
  | 'REGION';

/** Filters of the neighbour table; absent or empty ones do not filter, all the others must hold. */
export type NeighbourFilter = {
  /** Neighbours in these countries (ISO codes: a node's country, a Country's own code). */
  countries?: Array<string> | null | undefined;
  /** Neighbours of these kinds. */
  nodeKinds?: Array<NodeKind> | null | undefined;
  /** Neighbours joined to the node by at least one relationship of these kinds. */
  relationKinds?: Array<RelationKind> | null | undefined;
  /** Neighbours one of whose names contains every word of this text (accent-, case- and punctuation-insensitive). */
  text?: string | null | undefined;
};

export type NeighbourSort = {
  direction?: SortDirection | null | undefined;
  field: NeighbourSortField;
};

/** How the neighbour table orders a node's neighbours; ties by name, then id. */
export type NeighbourSortField =
  /** Country code; neighbours without a country come last in either direction. */
  | 'COUNTRY'
  /** Number of relationships. */
  | 'DEGREE'
  /** Node kind, in the order of NodeKind. */
  | 'KIND'
  /** Name, accent- and case-insensitive. */
  | 'NAME';

export type NetworkScope =
  | 'EUROPEAN'
  | 'GLOBAL'
  | 'NATIONAL'
  | 'REGIONAL';

/** The kinds of node in the cooperation graph. */
export type NodeKind =
  | 'APPROACH'
  | 'AWARD'
  | 'COUNTRY'
  | 'FUNDING_PROGRAM'
  | 'MUNICIPALITY'
  | 'NETWORK'
  | 'ORGANIZATION'
  | 'PARTNERSHIP'
  | 'PERSON'
  | 'PLACE'
  | 'PROJECT'
  | 'SDG'
  | 'SOURCE'
  | 'THEME';

export type OrgType =
  | 'ADVISORY_BOARD'
  | 'ASSOCIATION_OF_MUNICIPALITIES'
  | 'COMMITTEE'
  | 'COMPANY'
  | 'COOPERATIVE'
  | 'DIASPORA_ASSOCIATION'
  | 'FOUNDATION'
  | 'GOVERNMENT_BODY'
  | 'HOSPITAL'
  | 'INTERNATIONAL_ORGANIZATION'
  | 'MEDIA'
  | 'NGO'
  | 'NON_PROFIT'
  | 'OTHER'
  | 'RESEARCH_INSTITUTE'
  | 'SCHOOL'
  | 'TRADE_UNION'
  | 'UNIVERSITY'
  | 'YOUTH_ORGANIZATION';

/** How the overview groups the graph. */
export type OverviewGrouping =
  /** Municipalities by their country. */
  | 'COUNTRY'
  /** Every node by its kind. */
  | 'KIND'
  /** Municipalities by the networks they are members of (one may be in several, or none). */
  | 'NETWORK';

export type PartnershipStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'UNKNOWN';

export type PartnershipType =
  | 'CITY_TO_CITY'
  | 'FORMAL_PARTNERSHIP'
  | 'FRIENDSHIP'
  | 'ORGANIZATIONAL'
  | 'OTHER'
  | 'TWINNING';

/** How a place's coordinates were found. */
export type PlacePrecision =
  /** No coordinates: the centre of its country. */
  | 'COUNTRY'
  /** The municipality's own latitude and longitude (an import or gazetteer). */
  | 'EXACT'
  /** No coordinates and no known country centre: the mean position of its placed partners. */
  | 'PARTNERS';

export type PlaceType =
  /** A village, town or locality that is not a municipality of the graph. */
  | 'LOCALITY'
  /** A forest, nature reserve or other natural area. */
  | 'NATURE_AREA'
  /** A region, area or department below or beside municipalities. */
  | 'REGION'
  /** A named site such as an island. */
  | 'SITE';

export type ProjectStatus =
  | 'COMPLETED'
  | 'ONGOING'
  | 'UNKNOWN';

export type QuantityQualifier =
  | 'ABOUT'
  | 'ALMOST'
  | 'AT_LEAST'
  | 'EXACT'
  | 'MORE_THAN';

/** The kinds of relationship. */
export type RelationKind =
  /** Is active in a country or place (a programme, call, network or organisation). */
  | 'ACTIVE_IN'
  | 'ADDRESSES_THEME'
  | 'AFFILIATED_WITH'
  | 'AWARDS'
  /** A source cites or lists another source (its literature list). */
  | 'CITES'
  | 'COLLABORATES_WITH'
  /** A project, partnership or programme concerns a country or place. */
  | 'CONCERNS'
  | 'CONTRIBUTES_TO_SDG'
  | 'COORDINATES'
  | 'EXEMPLIFIES'
  | 'FOLLOWS_UP'
  | 'FOUNDED_BY'
  /** A programme or funder the source lists as funding available for an approach. */
  | 'FUNDING_FOR'
  | 'FUNDS'
  /** A person holds a role (role) in an organisation, municipality, network or project. */
  | 'HAS_ROLE_IN'
  | 'HOSTED_BY'
  | 'LOCATED_IN'
  | 'MEMBER_OF'
  | 'PARTICIPATES_IN'
  | 'PARTY_TO'
  | 'PART_OF'
  /** A source is published, issued or authored by an organisation, network or municipality. */
  | 'PUBLISHED_BY'
  /** Asks another party for support (a donation, a contribution). */
  | 'REQUESTS_SUPPORT_FROM'
  /** A publication, website or organisation the source offers as a resource for an approach. */
  | 'RESOURCE_FOR'
  | 'SUPPORTS'
  /** Wins an award (year, note). */
  | 'WINS';

export type SelectionExportFormat =
  /** Two files: nodes.csv and edges.csv (sources and names as JSON cells); import them together. */
  | 'CSV'
  /** One file: {"nodes": [...], "relations": [...]}, the seed format. */
  | 'JSON';

/**
 * What two municipalities can have in common. Definitions (docs/adr/0014-peers-and-suggestions.md):
 * the context of a municipality is itself, the partnerships it is party to and the projects it takes
 * part in or coordinates; a relationship through LOCATED_IN or PART_OF never counts.
 */
export type SimilarityBasis =
  /** Approaches it, its partnerships or its projects exemplify. */
  | 'APPROACHES'
  /** Funding programmes it takes part in, or that fund it, its partnerships or its projects. */
  | 'FUNDING_PROGRAMS'
  /** Networks tied to it or to its partnerships and projects. */
  | 'NETWORKS'
  /** Countries of its partner municipalities and partner organisations, except its own country. */
  | 'PARTNER_COUNTRIES'
  /** Its partners: the other municipalities party to its partnerships (twinnings and friendship ties are partnerships too). */
  | 'PARTNER_MUNICIPALITIES'
  /** Organisations tied to it, to its partnerships or to its projects (a party, a collaborator, an association it is member of). */
  | 'PARTNER_ORGANIZATIONS'
  /** Projects it takes part in, coordinates, funds or supports, and projects tied to its partnerships. */
  | 'PROJECTS'
  /** Themes it, its partnerships or its projects address. */
  | 'THEMES';

export type SimilarityFilter = {
  /** ISO 3166-1 alpha-2 codes of the peers' countries. */
  countries?: Array<string> | null | undefined;
  /** Also leave out municipalities with a relationship directly to it. A peer's direct ties are otherwise shown as evidence (directTies). */
  excludeDirectTies?: boolean | null | undefined;
  /** Leave out its partners (the other parties of its partnerships): they are not peers. */
  excludePartners?: boolean | null | undefined;
  levels?: Array<MunicipalityLevel> | null | undefined;
  /** List its partners only, every one with what the two share (score 0 included): the 'already partners' list. */
  onlyPartners?: boolean | null | undefined;
};

/**
 * How a peer's score is formed from the weights of shared features (see FeatureWeighting): S is the
 * weight of what the two share, W(x) the weight of all x has, in the chosen bases.
 */
export type SimilarityMetric =
  /** Sum over shared features of 1 / ln(max(2, how many municipalities have it)), whatever the weighting. */
  | 'ADAMIC_ADAR'
  /** S / (W(a) + W(b) - S): the share of all the two have that they have in common. The default. */
  | 'JACCARD'
  /** S / min(W(a), W(b)): the share of what the one with less has that the other has too. */
  | 'OVERLAP'
  /** Per basis S_b / (W_b(a) + W_b(b) - S_b), averaged with the caller's basis weights. */
  | 'WEIGHTED';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type SourceType =
  | 'DATASET'
  | 'DOCUMENT'
  | 'LITERATURE'
  | 'WEBSITE';

/** An inclusive year range; either end may be open. */
export type YearRange = {
  from?: number | null | undefined;
  to?: number | null | undefined;
};

type GraphNodeFields_Approach_Fragment = { id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Award_Fragment = { id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Country_Fragment = { id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_FundingProgram_Fragment = { startYear: number | null, endYear: number | null, id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Municipality_Fragment = { level: MunicipalityLevel, id: string, kind: NodeKind, name: string, degree: number, municipalityCountry: string | null };

type GraphNodeFields_Network_Fragment = { countryCode: string | null, id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Organization_Fragment = { countryCode: string | null, orgType: OrgType, id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Partnership_Fragment = { partnershipType: PartnershipType, since: number | null, until: number | null, id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Person_Fragment = { id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Place_Fragment = { id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Project_Fragment = { countryCode: string | null, startYear: number | null, endYear: number | null, id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Sdg_Fragment = { id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Source_Fragment = { id: string, kind: NodeKind, name: string, degree: number };

type GraphNodeFields_Theme_Fragment = { id: string, kind: NodeKind, name: string, degree: number };

export type GraphNodeFieldsFragment =
  | GraphNodeFields_Approach_Fragment
  | GraphNodeFields_Award_Fragment
  | GraphNodeFields_Country_Fragment
  | GraphNodeFields_FundingProgram_Fragment
  | GraphNodeFields_Municipality_Fragment
  | GraphNodeFields_Network_Fragment
  | GraphNodeFields_Organization_Fragment
  | GraphNodeFields_Partnership_Fragment
  | GraphNodeFields_Person_Fragment
  | GraphNodeFields_Place_Fragment
  | GraphNodeFields_Project_Fragment
  | GraphNodeFields_Sdg_Fragment
  | GraphNodeFields_Source_Fragment
  | GraphNodeFields_Theme_Fragment
;

export type GraphEdgeFieldsFragment = { id: string, kind: RelationKind, source: string, target: string, since: number | null, until: number | null, year: number | null };

export type NeighborhoodQueryVariables = Exact<{
  ids: Array<string> | string;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
  relationKinds?: Array<RelationKind> | RelationKind | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { truncated: boolean, nodes: Array<
      | { id: string, kind: NodeKind, name: string, degree: number }
      | { id: string, kind: NodeKind, name: string, degree: number }
      | { id: string, kind: NodeKind, name: string, degree: number }
      | { startYear: number | null, endYear: number | null, id: string, kind: NodeKind, name: string, degree: number }
      | { level: MunicipalityLevel, id: string, kind: NodeKind, name: string, degree: number, municipalityCountry: string | null }
      | { countryCode: string | null, id: string, kind: NodeKind, name: string, degree: number }
      | { countryCode: string | null, orgType: OrgType, id: string, kind: NodeKind, name: string, degree: number }
      | { partnershipType: PartnershipType, since: number | null, until: number | null, id: string, kind: NodeKind, name: string, degree: number }
      | { id: string, kind: NodeKind, name: string, degree: number }
      | { id: string, kind: NodeKind, name: string, degree: number }
      | { countryCode: string | null, startYear: number | null, endYear: number | null, id: string, kind: NodeKind, name: string, degree: number }
      | { id: string, kind: NodeKind, name: string, degree: number }
      | { id: string, kind: NodeKind, name: string, degree: number }
      | { id: string, kind: NodeKind, name: string, degree: number }
    >, edges: Array<{ id: string, kind: RelationKind, source: string, target: string, since: number | null, until: number | null, year: number | null }> } };

export type SearchNodesQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
}>;


export type SearchNodesQuery = { search: { totalCount: number, edges: Array<{ score: number, node:
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string>, municipalityCountry: string | null }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { countryCode: string | null, id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { countryCode: string | null, id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
        | { id: string, kind: NodeKind, name: string, altNames: Array<string> }
       }> } };

export type ProvenanceFieldsFragment = { locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } };

export type NodeDetailsQueryVariables = Exact<{
  id: string;
  after?: string | null | undefined;
}>;


export type NodeDetailsQuery = { node:
    | { number: number, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, ratings: Array<{ feature: ApproachFeature, label: string, printedLabel: string, printed: string, score: number | null }>, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { scope: NetworkScope | null, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { code: string, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { scope: NetworkScope | null, startYear: number | null, endYear: number | null, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, money: { amount: number, amountMax: number | null, currency: string | null, period: AmountPeriod | null } | null, duration: { value: number, max: number | null, unit: DurationUnit } | null, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { level: MunicipalityLevel, foundedYear: number | null, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, municipalityCountry: string | null, country: { id: string, name: string } | null, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { scope: NetworkScope | null, countryCode: string | null, foundedYear: number | null, memberCount: number | null, memberCountQualifier: QuantityQualifier | null, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, country: { id: string, name: string } | null, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { orgType: OrgType, countryCode: string | null, foundedYear: number | null, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, country: { id: string, name: string } | null, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { partnershipType: PartnershipType, since: number | null, until: number | null, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, partnershipStatus: PartnershipStatus, parties: Array<{ role: string | null, node:
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
          | { id: string, kind: NodeKind, name: string }
         }>, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { placeType: PlaceType, countryCode: string | null, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, country: { id: string, name: string } | null, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { countryCode: string | null, startYear: number | null, endYear: number | null, status: ProjectStatus, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, country: { id: string, name: string } | null, money: { amount: number, amountMax: number | null, currency: string | null, period: AmountPeriod | null } | null, duration: { value: number, max: number | null, unit: DurationUnit } | null, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { number: number, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { sourceType: SourceType, authors: string | null, publisher: string | null, year: number | null, url: string | null, id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
    | { id: string, kind: NodeKind, name: string, altNames: Array<string>, description: string | null, degree: number, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }>, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Direction, node:
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
            | { id: string, kind: NodeKind, name: string }
          , relation: { id: string, kind: RelationKind, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null } }> } }
   | null };

export type RelationDetailsQueryVariables = Exact<{
  id: string;
}>;


export type RelationDetailsQuery = { relation: { id: string, kind: RelationKind, source: string, target: string, role: string | null, since: number | null, until: number | null, year: number | null, note: string | null, from:
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
    , to:
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
    , money: { amount: number, amountMax: number | null, currency: string | null, period: AmountPeriod | null } | null, sources: Array<{ locator: string, quote: string, derived: boolean, source: { id: string, name: string, url: string | null, publisher: string | null, year: number | null } }> } | null };

export type NodeNamesQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type NodeNamesQuery = { nodes: Array<
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
   | null> };

export type NodesQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type NodesQuery = { nodes: Array<
    | { id: string, kind: NodeKind, name: string, degree: number }
    | { id: string, kind: NodeKind, name: string, degree: number }
    | { id: string, kind: NodeKind, name: string, degree: number }
    | { startYear: number | null, endYear: number | null, id: string, kind: NodeKind, name: string, degree: number }
    | { level: MunicipalityLevel, id: string, kind: NodeKind, name: string, degree: number, municipalityCountry: string | null }
    | { countryCode: string | null, id: string, kind: NodeKind, name: string, degree: number }
    | { countryCode: string | null, orgType: OrgType, id: string, kind: NodeKind, name: string, degree: number }
    | { partnershipType: PartnershipType, since: number | null, until: number | null, id: string, kind: NodeKind, name: string, degree: number }
    | { id: string, kind: NodeKind, name: string, degree: number }
    | { id: string, kind: NodeKind, name: string, degree: number }
    | { countryCode: string | null, startYear: number | null, endYear: number | null, id: string, kind: NodeKind, name: string, degree: number }
    | { id: string, kind: NodeKind, name: string, degree: number }
    | { id: string, kind: NodeKind, name: string, degree: number }
    | { id: string, kind: NodeKind, name: string, degree: number }
   | null> };

export type RelationsAmongQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type RelationsAmongQuery = { relationsAmong: Array<{ id: string, kind: RelationKind, source: string, target: string, since: number | null, until: number | null, year: number | null }> };

export type ExportSelectionQueryVariables = Exact<{
  ids: Array<string> | string;
  relationKinds?: Array<RelationKind> | RelationKind | null | undefined;
  format: SelectionExportFormat;
}>;


export type ExportSelectionQuery = { exportSelection: { missingIds: Array<string>, files: Array<{ name: string, mediaType: string, content: string }> } };

export type ApproachesQueryVariables = Exact<{ [key: string]: never; }>;


export type ApproachesQuery = { approaches: Array<{ id: string, name: string, number: number, ratings: Array<{ feature: ApproachFeature, label: string, printedLabel: string, printed: string, score: number | null }> }> };

export type FilterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type FilterOptionsQuery = { countries: { edges: Array<{ node: { id: string, name: string, code: string } }> }, approaches: Array<{ id: string, name: string, number: number }>, themes: { totalCount: number, edges: Array<{ node: { id: string, name: string } }> }, networks: { edges: Array<{ node: { id: string, name: string } }> }, fundingPrograms: { edges: Array<{ node: { id: string, name: string } }> }, stats: { nodeCount: number, relationCount: number } };

export type NodeIdsQueryVariables = Exact<{
  kinds?: Array<NodeKind> | NodeKind | null | undefined;
  filter?: CommonFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NodeIdsQuery = { nodeIds: { ids: Array<string>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SimilarMunicipalitiesQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  metric?: SimilarityMetric | null | undefined;
  weighting?: FeatureWeighting | null | undefined;
  basis?: Array<SimilarityBasis> | SimilarityBasis | null | undefined;
  filter?: SimilarityFilter | null | undefined;
}>;


export type SimilarMunicipalitiesQuery = { similarMunicipalities: Array<{ score: number, isPartner: boolean, explanation: string, peer: { id: string, kind: NodeKind, name: string, municipalityCountry: string | null }, byBasis: Array<{ basis: SimilarityBasis, score: number, shared: Array<
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
      > }>, partnerships: Array<{ id: string, name: string }>, directTies: Array<{ id: string, kind: RelationKind }> }> };

export type ShortestPathsQueryVariables = Exact<{
  from: string;
  to: string;
  maxHops?: number | null | undefined;
  first?: number | null | undefined;
  relationKinds?: Array<RelationKind> | RelationKind | null | undefined;
}>;


export type ShortestPathsQuery = { allShortestPaths: Array<{ length: number, nodes: Array<
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
    >, relations: Array<{ id: string, kind: RelationKind, source: string, target: string, sources: Array<{ locator: string, quote: string }> }> }> };

export type SuggestPartnersQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
}>;


export type SuggestPartnersQuery = { suggestPartners: Array<{ score: number, pathCount: number, candidate:
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
    , paths: Array<{ length: number, nodes: Array<
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
      >, relations: Array<{ id: string, kind: RelationKind, source: string, target: string }> }> }> };

export type RecommendApproachesQueryVariables = Exact<{
  wishes: Array<FeatureWish> | FeatureWish;
}>;


export type RecommendApproachesQuery = { recommendApproaches: Array<{ score: number, meetsAll: boolean, approach: { id: string, name: string, number: number }, met: Array<{ feature: ApproachFeature, label: string, printed: string }>, missed: Array<{ feature: ApproachFeature, label: string, printed: string }>, cases: Array<
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
    >, networks: Array<
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
    >, programs: Array<
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
      | { id: string, kind: NodeKind, name: string }
    > }> };

export type StartViewQueryVariables = Exact<{
  idsFirst: number;
  withIds: boolean;
}>;


export type StartViewQuery = { stats: { nodeCount: number, relationCount: number, nodesByKind: Array<{ kind: NodeKind, count: number }> }, nodeIds?: { ids: Array<string>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OverviewQueryVariables = Exact<{
  groupBy?: OverviewGrouping | null | undefined;
  firstGroups?: number | null | undefined;
  firstStarts?: number | null | undefined;
}>;


export type OverviewQuery = { overview: { groupBy: OverviewGrouping, groupCount: number, groups: Array<{ key: string, label: string, size: number, internal: number, node:
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
        | { id: string, kind: NodeKind }
       | null }>, links: Array<{ a: string, b: string, weight: number }>, starts: Array<{ degree: number, node:
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string, municipalityCountry: string | null }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
        | { id: string, kind: NodeKind, name: string }
       }> } };

export type NeighboursQueryVariables = Exact<{
  id: string;
  filter?: NeighbourFilter | null | undefined;
  sort?: NeighbourSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NeighboursQuery = { neighbours: { totalCount: number, allCount: number, byKind: Array<{ kind: NodeKind, count: number }>, byRelationKind: Array<{ kind: RelationKind, count: number }>, byCountry: Array<{ code: string, count: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node:
        | { id: string, kind: NodeKind, name: string, degree: number }
        | { id: string, kind: NodeKind, name: string, degree: number }
        | { id: string, kind: NodeKind, name: string, degree: number }
        | { startYear: number | null, endYear: number | null, id: string, kind: NodeKind, name: string, degree: number }
        | { level: MunicipalityLevel, id: string, kind: NodeKind, name: string, degree: number, municipalityCountry: string | null }
        | { countryCode: string | null, id: string, kind: NodeKind, name: string, degree: number }
        | { countryCode: string | null, orgType: OrgType, id: string, kind: NodeKind, name: string, degree: number }
        | { partnershipType: PartnershipType, since: number | null, until: number | null, id: string, kind: NodeKind, name: string, degree: number }
        | { id: string, kind: NodeKind, name: string, degree: number }
        | { id: string, kind: NodeKind, name: string, degree: number }
        | { countryCode: string | null, startYear: number | null, endYear: number | null, id: string, kind: NodeKind, name: string, degree: number }
        | { id: string, kind: NodeKind, name: string, degree: number }
        | { id: string, kind: NodeKind, name: string, degree: number }
        | { id: string, kind: NodeKind, name: string, degree: number }
      , relations: Array<{ id: string, kind: RelationKind, source: string, target: string, since: number | null, until: number | null, year: number | null }> }> } };

export type NodesOfKindQueryVariables = Exact<{
  kind: NodeKind;
  first?: number | null | undefined;
}>;


export type NodesOfKindQuery = { nodesOfKind: { totalCount: number, edges: Array<{ node:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
       }> } };

export type MapLayerQueryVariables = Exact<{ [key: string]: never; }>;


export type MapLayerQuery = { mapLayer: { unplaced: number, places: Array<{ id: string, name: string, countryCode: string | null, latitude: number, longitude: number, precision: PlacePrecision }>, links: Array<{ partnership: string, partnershipType: PartnershipType | null, a: number, b: number }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const GraphNodeFieldsFragmentDoc = new TypedDocumentString(`
    fragment GraphNodeFields on Node {
  id
  kind
  name
  degree
  ... on Municipality {
    municipalityCountry: countryCode
    level
  }
  ... on Organization {
    countryCode
    orgType
  }
  ... on Network {
    countryCode
  }
  ... on Project {
    countryCode
    startYear
    endYear
  }
  ... on Partnership {
    partnershipType
    since
    until
  }
  ... on FundingProgram {
    startYear
    endYear
  }
}
    `, {"fragmentName":"GraphNodeFields"}) as unknown as TypedDocumentString<GraphNodeFieldsFragment, unknown>;
export const GraphEdgeFieldsFragmentDoc = new TypedDocumentString(`
    fragment GraphEdgeFields on Relation {
  id
  kind
  source
  target
  since
  until
  year
}
    `, {"fragmentName":"GraphEdgeFields"}) as unknown as TypedDocumentString<GraphEdgeFieldsFragment, unknown>;
export const ProvenanceFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProvenanceFields on Provenance {
  locator
  quote
  derived
  source {
    id
    name
    url
    publisher
    year
  }
}
    `, {"fragmentName":"ProvenanceFields"}) as unknown as TypedDocumentString<ProvenanceFieldsFragment, unknown>;
export const NeighborhoodDocument = new TypedDocumentString(`
    query Neighborhood($ids: [ID!]!, $depth: Int, $limit: Int, $relationKinds: [RelationKind!]) {
  neighborhood(
    ids: $ids
    depth: $depth
    limit: $limit
    filter: {relationKinds: $relationKinds}
  ) {
    truncated
    nodes {
      ...GraphNodeFields
    }
    edges {
      ...GraphEdgeFields
    }
  }
}
    fragment GraphNodeFields on Node {
  id
  kind
  name
  degree
  ... on Municipality {
    municipalityCountry: countryCode
    level
  }
  ... on Organization {
    countryCode
    orgType
  }
  ... on Network {
    countryCode
  }
  ... on Project {
    countryCode
    startYear
    endYear
  }
  ... on Partnership {
    partnershipType
    since
    until
  }
  ... on FundingProgram {
    startYear
    endYear
  }
}
fragment GraphEdgeFields on Relation {
  id
  kind
  source
  target
  since
  until
  year
}`) as unknown as TypedDocumentString<NeighborhoodQuery, NeighborhoodQueryVariables>;
export const SearchNodesDocument = new TypedDocumentString(`
    query SearchNodes($text: String!, $first: Int) {
  search(text: $text, first: $first) {
    totalCount
    edges {
      score
      node {
        id
        kind
        name
        altNames
        ... on Municipality {
          municipalityCountry: countryCode
        }
        ... on Organization {
          countryCode
        }
        ... on Project {
          countryCode
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchNodesQuery, SearchNodesQueryVariables>;
export const NodeDetailsDocument = new TypedDocumentString(`
    query NodeDetails($id: ID!, $after: String) {
  node(id: $id) {
    id
    kind
    name
    altNames
    description
    degree
    sources {
      ...ProvenanceFields
    }
    relations(first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        direction
        node {
          id
          kind
          name
        }
        relation {
          id
          kind
          role
          since
          until
          year
          note
        }
      }
    }
    ... on Municipality {
      level
      municipalityCountry: countryCode
      country {
        id
        name
      }
      foundedYear
    }
    ... on Organization {
      orgType
      countryCode
      country {
        id
        name
      }
      foundedYear
    }
    ... on Network {
      scope
      countryCode
      country {
        id
        name
      }
      foundedYear
      memberCount
      memberCountQualifier
    }
    ... on FundingProgram {
      scope
      startYear
      endYear
      money {
        amount
        amountMax
        currency
        period
      }
      duration {
        value
        max
        unit
      }
    }
    ... on Project {
      countryCode
      country {
        id
        name
      }
      startYear
      endYear
      status
      money {
        amount
        amountMax
        currency
        period
      }
      duration {
        value
        max
        unit
      }
    }
    ... on Partnership {
      partnershipType
      since
      until
      partnershipStatus: status
      parties {
        role
        node {
          id
          kind
          name
        }
      }
    }
    ... on Approach {
      number
      ratings {
        feature
        label
        printedLabel
        printed
        score
      }
    }
    ... on Sdg {
      number
    }
    ... on Country {
      code
    }
    ... on Source {
      sourceType
      authors
      publisher
      year
      url
    }
    ... on Place {
      placeType
      countryCode
      country {
        id
        name
      }
    }
    ... on Award {
      scope
    }
  }
}
    fragment ProvenanceFields on Provenance {
  locator
  quote
  derived
  source {
    id
    name
    url
    publisher
    year
  }
}`) as unknown as TypedDocumentString<NodeDetailsQuery, NodeDetailsQueryVariables>;
export const RelationDetailsDocument = new TypedDocumentString(`
    query RelationDetails($id: ID!) {
  relation(id: $id) {
    id
    kind
    source
    target
    from {
      id
      kind
      name
    }
    to {
      id
      kind
      name
    }
    role
    since
    until
    year
    note
    money {
      amount
      amountMax
      currency
      period
    }
    sources {
      ...ProvenanceFields
    }
  }
}
    fragment ProvenanceFields on Provenance {
  locator
  quote
  derived
  source {
    id
    name
    url
    publisher
    year
  }
}`) as unknown as TypedDocumentString<RelationDetailsQuery, RelationDetailsQueryVariables>;
export const NodeNamesDocument = new TypedDocumentString(`
    query NodeNames($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<NodeNamesQuery, NodeNamesQueryVariables>;
export const NodesDocument = new TypedDocumentString(`
    query Nodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    ...GraphNodeFields
  }
}
    fragment GraphNodeFields on Node {
  id
  kind
  name
  degree
  ... on Municipality {
    municipalityCountry: countryCode
    level
  }
  ... on Organization {
    countryCode
    orgType
  }
  ... on Network {
    countryCode
  }
  ... on Project {
    countryCode
    startYear
    endYear
  }
  ... on Partnership {
    partnershipType
    since
    until
  }
  ... on FundingProgram {
    startYear
    endYear
  }
}`) as unknown as TypedDocumentString<NodesQuery, NodesQueryVariables>;
export const RelationsAmongDocument = new TypedDocumentString(`
    query RelationsAmong($ids: [ID!]!) {
  relationsAmong(ids: $ids) {
    ...GraphEdgeFields
  }
}
    fragment GraphEdgeFields on Relation {
  id
  kind
  source
  target
  since
  until
  year
}`) as unknown as TypedDocumentString<RelationsAmongQuery, RelationsAmongQueryVariables>;
export const ExportSelectionDocument = new TypedDocumentString(`
    query ExportSelection($ids: [ID!]!, $relationKinds: [RelationKind!], $format: SelectionExportFormat!) {
  exportSelection(ids: $ids, relationKinds: $relationKinds, format: $format) {
    files {
      name
      mediaType
      content
    }
    missingIds
  }
}
    `) as unknown as TypedDocumentString<ExportSelectionQuery, ExportSelectionQueryVariables>;
export const ApproachesDocument = new TypedDocumentString(`
    query Approaches {
  approaches {
    id
    name
    number
    ratings {
      feature
      label
      printedLabel
      printed
      score
    }
  }
}
    `) as unknown as TypedDocumentString<ApproachesQuery, ApproachesQueryVariables>;
export const FilterOptionsDocument = new TypedDocumentString(`
    query FilterOptions {
  countries(first: 100) {
    edges {
      node {
        id
        name
        code
      }
    }
  }
  approaches {
    id
    name
    number
  }
  themes(first: 100) {
    totalCount
    edges {
      node {
        id
        name
      }
    }
  }
  networks(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
  fundingPrograms(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
  stats {
    nodeCount
    relationCount
  }
}
    `) as unknown as TypedDocumentString<FilterOptionsQuery, FilterOptionsQueryVariables>;
export const NodeIdsDocument = new TypedDocumentString(`
    query NodeIds($kinds: [NodeKind!], $filter: CommonFilter, $first: Int, $after: String) {
  nodeIds(kinds: $kinds, filter: $filter, first: $first, after: $after) {
    ids
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<NodeIdsQuery, NodeIdsQueryVariables>;
export const SimilarMunicipalitiesDocument = new TypedDocumentString(`
    query SimilarMunicipalities($id: ID!, $first: Int, $metric: SimilarityMetric, $weighting: FeatureWeighting, $basis: [SimilarityBasis!], $filter: SimilarityFilter) {
  similarMunicipalities(
    id: $id
    first: $first
    metric: $metric
    weighting: $weighting
    basis: $basis
    filter: $filter
  ) {
    score
    isPartner
    explanation
    peer {
      id
      kind
      name
      municipalityCountry: countryCode
    }
    byBasis {
      basis
      score
      shared {
        id
        kind
        name
      }
    }
    partnerships {
      id
      name
    }
    directTies {
      id
      kind
    }
  }
}
    `) as unknown as TypedDocumentString<SimilarMunicipalitiesQuery, SimilarMunicipalitiesQueryVariables>;
export const ShortestPathsDocument = new TypedDocumentString(`
    query ShortestPaths($from: ID!, $to: ID!, $maxHops: Int, $first: Int, $relationKinds: [RelationKind!]) {
  allShortestPaths(
    from: $from
    to: $to
    maxHops: $maxHops
    first: $first
    relationKinds: $relationKinds
  ) {
    length
    nodes {
      id
      kind
      name
    }
    relations {
      id
      kind
      source
      target
      sources {
        locator
        quote
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ShortestPathsQuery, ShortestPathsQueryVariables>;
export const SuggestPartnersDocument = new TypedDocumentString(`
    query SuggestPartners($id: ID!, $first: Int) {
  suggestPartners(id: $id, first: $first) {
    score
    pathCount
    candidate {
      id
      kind
      name
    }
    paths {
      length
      nodes {
        id
        kind
        name
      }
      relations {
        id
        kind
        source
        target
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SuggestPartnersQuery, SuggestPartnersQueryVariables>;
export const RecommendApproachesDocument = new TypedDocumentString(`
    query RecommendApproaches($wishes: [FeatureWish!]!) {
  recommendApproaches(wishes: $wishes) {
    score
    meetsAll
    approach {
      id
      name
      number
    }
    met {
      feature
      label
      printed
    }
    missed {
      feature
      label
      printed
    }
    cases {
      id
      kind
      name
    }
    networks {
      id
      kind
      name
    }
    programs {
      id
      kind
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RecommendApproachesQuery, RecommendApproachesQueryVariables>;
export const StartViewDocument = new TypedDocumentString(`
    query StartView($idsFirst: Int!, $withIds: Boolean!) {
  stats {
    nodeCount
    relationCount
    nodesByKind {
      kind
      count
    }
  }
  nodeIds(first: $idsFirst) @include(if: $withIds) {
    ids
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<StartViewQuery, StartViewQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview($groupBy: OverviewGrouping, $firstGroups: Int, $firstStarts: Int) {
  overview(
    groupBy: $groupBy
    firstGroups: $firstGroups
    firstStarts: $firstStarts
  ) {
    groupBy
    groupCount
    groups {
      key
      label
      size
      internal
      node {
        id
        kind
      }
    }
    links {
      a
      b
      weight
    }
    starts {
      degree
      node {
        id
        kind
        name
        ... on Municipality {
          municipalityCountry: countryCode
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const NeighboursDocument = new TypedDocumentString(`
    query Neighbours($id: ID!, $filter: NeighbourFilter, $sort: NeighbourSort, $first: Int, $after: String) {
  neighbours(id: $id, filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    allCount
    byKind {
      kind
      count
    }
    byRelationKind {
      kind
      count
    }
    byCountry {
      code
      count
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...GraphNodeFields
      }
      relations {
        ...GraphEdgeFields
      }
    }
  }
}
    fragment GraphNodeFields on Node {
  id
  kind
  name
  degree
  ... on Municipality {
    municipalityCountry: countryCode
    level
  }
  ... on Organization {
    countryCode
    orgType
  }
  ... on Network {
    countryCode
  }
  ... on Project {
    countryCode
    startYear
    endYear
  }
  ... on Partnership {
    partnershipType
    since
    until
  }
  ... on FundingProgram {
    startYear
    endYear
  }
}
fragment GraphEdgeFields on Relation {
  id
  kind
  source
  target
  since
  until
  year
}`) as unknown as TypedDocumentString<NeighboursQuery, NeighboursQueryVariables>;
export const NodesOfKindDocument = new TypedDocumentString(`
    query NodesOfKind($kind: NodeKind!, $first: Int) {
  nodesOfKind(kind: $kind, first: $first, sort: {field: DEGREE, direction: DESC}) {
    totalCount
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NodesOfKindQuery, NodesOfKindQueryVariables>;
export const MapLayerDocument = new TypedDocumentString(`
    query MapLayer {
  mapLayer {
    places {
      id
      name
      countryCode
      latitude
      longitude
      precision
    }
    links {
      partnership
      partnershipType
      a
      b
    }
    unplaced
  }
}
    `) as unknown as TypedDocumentString<MapLayerQuery, MapLayerQueryVariables>;