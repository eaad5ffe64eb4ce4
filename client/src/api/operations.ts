import { graphql } from '../gql/index.js';

/**
 * Every GraphQL operation the explorer sends. `npm run codegen` types them into client/src/gql/.
 * The drawing fragments stay lean (the complexity limit multiplies them by the neighbourhood
 * limit); details, sources and quotes come with the detail queries.
 */

export const GraphNodeFields = graphql(`
  fragment GraphNodeFields on Node {
    id
    kind
    name
    degree
    ... on Municipality { municipalityCountry: countryCode level }
    ... on Organization { countryCode orgType }
    ... on Network { countryCode }
    ... on Project { countryCode startYear endYear }
    ... on Partnership { partnershipType since until }
    ... on FundingProgram { startYear endYear }
  }
`);

export const GraphEdgeFields = graphql(`
  fragment GraphEdgeFields on Relation {
    id
    kind
    source
    target
    since
    until
    year
  }
`);

export const NeighborhoodQuery = graphql(`
  query Neighborhood($ids: [ID!]!, $depth: Int, $limit: Int, $relationKinds: [RelationKind!]) {
    neighborhood(ids: $ids, depth: $depth, limit: $limit, filter: { relationKinds: $relationKinds }) {
      truncated
      nodes { ...GraphNodeFields }
      edges { ...GraphEdgeFields }
    }
  }
`);

export const SearchNodesQuery = graphql(`
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
          ... on Municipality { municipalityCountry: countryCode }
          ... on Organization { countryCode }
          ... on Project { countryCode }
        }
      }
    }
  }
`);

const ProvenanceFields = graphql(`
  fragment ProvenanceFields on Provenance {
    locator
    quote
    source { id name url publisher year }
  }
`);
void ProvenanceFields;

export const NodeDetailsQuery = graphql(`
  query NodeDetails($id: ID!, $after: String) {
    node(id: $id) {
      id
      kind
      name
      altNames
      description
      degree
      sources { ...ProvenanceFields }
      relations(first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          direction
          node { id kind name }
          relation { id kind role since until year note }
        }
      }
      ... on Municipality { level municipalityCountry: countryCode country { id name } foundedYear }
      ... on Organization { orgType countryCode country { id name } foundedYear }
      ... on Network { scope countryCode country { id name } foundedYear memberCount memberCountQualifier }
      ... on FundingProgram { scope startYear endYear money { amount amountMax currency period } }
      ... on Project { countryCode country { id name } startYear endYear status money { amount amountMax currency period } }
      ... on Partnership { partnershipType since until partnershipStatus: status parties { role node { id kind name } } }
      ... on Approach { number ratings { feature label printed score } }
      ... on Sdg { number }
      ... on Country { code }
      ... on Source { sourceType authors publisher year url }
    }
  }
`);

export const RelationDetailsQuery = graphql(`
  query RelationDetails($nodeId: ID!, $kinds: [RelationKind!], $after: String) {
    node(id: $nodeId) {
      id
      relations(kinds: $kinds, direction: OUT, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges {
          relation {
            id
            kind
            source
            target
            from { id kind name }
            to { id kind name }
            role
            since
            until
            year
            note
            money { amount amountMax currency period }
            sources { ...ProvenanceFields }
          }
        }
      }
    }
  }
`);

export const ApproachesQuery = graphql(`
  query Approaches {
    approaches {
      id
      name
      number
      ratings { feature label printed score }
    }
  }
`);

export const FilterOptionsQuery = graphql(`
  query FilterOptions {
    countries(first: 100) { edges { node { id name code } } }
    approaches { id name number }
    themes(first: 100) { totalCount edges { node { id name } } }
    networks(first: 100) { edges { node { id name } } }
    fundingPrograms(first: 100) { edges { node { id name } } }
    stats { nodeCount relationCount }
  }
`);

/**
 * One page of each list the filters apply to, ids only; @include skips the kinds already read to
 * the end. Values mean what the API's CommonFilter says (approaches, themes, programmes match
 * through a node's partnerships and projects; years overlap a node's period).
 */
export const FilterMatchesQuery = graphql(`
  query FilterMatches(
    $countries: [String!]
    $approaches: [ID!]
    $themes: [ID!]
    $networks: [ID!]
    $programs: [ID!]
    $years: YearRange
    $aM: String, $iM: Boolean!
    $aO: String, $iO: Boolean!
    $aN: String, $iN: Boolean!
    $aF: String, $iF: Boolean!
    $aP: String, $iP: Boolean!
    $aS: String, $iS: Boolean!
    $aT: String, $iT: Boolean!
  ) {
    municipalities(first: 100, after: $aM, filter: { countries: $countries, approaches: $approaches, themes: $themes, networks: $networks, programs: $programs, years: $years }) @include(if: $iM) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
    organizations(first: 100, after: $aO, filter: { countries: $countries, approaches: $approaches, themes: $themes, networks: $networks, programs: $programs, years: $years }) @include(if: $iO) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
    networks(first: 100, after: $aN, filter: { countries: $countries, approaches: $approaches, themes: $themes, networks: $networks, programs: $programs, years: $years }) @include(if: $iN) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
    fundingPrograms(first: 100, after: $aF, filter: { countries: $countries, approaches: $approaches, themes: $themes, networks: $networks, programs: $programs, years: $years }) @include(if: $iF) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
    projects(first: 100, after: $aP, filter: { countries: $countries, approaches: $approaches, themes: $themes, networks: $networks, programs: $programs, years: $years }) @include(if: $iP) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
    partnerships(first: 100, after: $aS, filter: { countries: $countries, approaches: $approaches, themes: $themes, networks: $networks, programs: $programs, years: $years }) @include(if: $iS) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
    themes(first: 100, after: $aT, filter: { countries: $countries, approaches: $approaches, themes: $themes, networks: $networks, programs: $programs, years: $years }) @include(if: $iT) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
  }
`);

/** Every node id, one page of each kind at a time (for "show all"). */
export const AllNodeIdsQuery = graphql(`
  query AllNodeIds(
    $aM: String, $iM: Boolean!
    $aO: String, $iO: Boolean!
    $aN: String, $iN: Boolean!
    $aF: String, $iF: Boolean!
    $aP: String, $iP: Boolean!
    $aS: String, $iS: Boolean!
    $aT: String, $iT: Boolean!
    $aD: String, $iD: Boolean!
    $aC: String, $iC: Boolean!
    $aR: String, $iR: Boolean!
  ) {
    municipalities(first: 100, after: $aM) @include(if: $iM) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    organizations(first: 100, after: $aO) @include(if: $iO) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    networks(first: 100, after: $aN) @include(if: $iN) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    fundingPrograms(first: 100, after: $aF) @include(if: $iF) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    projects(first: 100, after: $aP) @include(if: $iP) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    partnerships(first: 100, after: $aS) @include(if: $iS) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    themes(first: 100, after: $aT) @include(if: $iT) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    sdgs(first: 100, after: $aD) @include(if: $iD) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    countries(first: 100, after: $aC) @include(if: $iC) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    sources(first: 100, after: $aR) @include(if: $iR) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    approaches { id }
  }
`);

export const SimilarMunicipalitiesQuery = graphql(`
  query SimilarMunicipalities($id: ID!, $first: Int, $metric: SimilarityMetric, $filter: SimilarityFilter) {
    similarMunicipalities(id: $id, first: $first, metric: $metric, filter: $filter) {
      score
      peer { id kind name municipalityCountry: countryCode }
      byBasis {
        basis
        score
        shared { id kind name }
      }
    }
  }
`);

export const ShortestPathsQuery = graphql(`
  query ShortestPaths($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
    allShortestPaths(from: $from, to: $to, maxHops: $maxHops, first: $first) {
      length
      nodes { id kind name }
      relations {
        id
        kind
        source
        target
        sources { locator quote }
      }
    }
  }
`);

export const SuggestPartnersQuery = graphql(`
  query SuggestPartners($id: ID!, $first: Int) {
    suggestPartners(id: $id, first: $first) {
      score
      pathCount
      candidate { id kind name }
      paths {
        length
        nodes { id kind name }
        relations { id kind source target }
      }
    }
  }
`);

export const RecommendApproachesQuery = graphql(`
  query RecommendApproaches($wishes: [FeatureWish!]!) {
    recommendApproaches(wishes: $wishes) {
      score
      meetsAll
      approach { id name number }
      met { feature label printed }
      missed { feature label printed }
      cases { id kind name }
      networks { id kind name }
      programs { id kind name }
    }
  }
`);
