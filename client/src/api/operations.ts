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
      nodes {
        ...GraphNodeFields
      }
      edges {
        ...GraphEdgeFields
      }
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
`);

const ProvenanceFields = graphql(`
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
`);

export const RelationDetailsQuery = graphql(`
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
`);

/** Every relationship between the given nodes (at most 2 000 ids), in one request. */
/** The names of nodes the explorer holds, in the language the request asks for (Accept-Language): one request on a language switch. */
export const NodeNamesQuery = graphql(`
  query NodeNames($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      name
    }
  }
`);

export const NodesQuery = graphql(`
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      ...GraphNodeFields
    }
  }
`);

export const RelationsAmongQuery = graphql(`
  query RelationsAmong($ids: [ID!]!) {
    relationsAmong(ids: $ids) {
      ...GraphEdgeFields
    }
  }
`);

export const ExportSelectionQuery = graphql(`
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
`);

export const ApproachesQuery = graphql(`
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
`);

export const FilterOptionsQuery = graphql(`
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
`);

/**
 * One page of the ids of the nodes of these kinds that the filter keeps (all nodes without a
 * filter), ordered by kind then id. Values mean what the API's CommonFilter says (approaches,
 * themes, programmes match through a node's partnerships and projects; years overlap a period).
 */
export const NodeIdsQuery = graphql(`
  query NodeIds($kinds: [NodeKind!], $filter: CommonFilter, $first: Int, $after: String) {
    nodeIds(kinds: $kinds, filter: $filter, first: $first, after: $after) {
      ids
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SimilarMunicipalitiesQuery = graphql(`
  query SimilarMunicipalities(
    $id: ID!
    $first: Int
    $metric: SimilarityMetric
    $weighting: FeatureWeighting
    $basis: [SimilarityBasis!]
    $filter: SimilarityFilter
  ) {
    similarMunicipalities(id: $id, first: $first, metric: $metric, weighting: $weighting, basis: $basis, filter: $filter) {
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
`);

export const ShortestPathsQuery = graphql(`
  query ShortestPaths($from: ID!, $to: ID!, $maxHops: Int, $first: Int, $relationKinds: [RelationKind!]) {
    allShortestPaths(from: $from, to: $to, maxHops: $maxHops, first: $first, relationKinds: $relationKinds) {
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
`);

export const SuggestPartnersQuery = graphql(`
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
`);

export const RecommendApproachesQuery = graphql(`
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
`);

export const StartViewQuery = graphql(`
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
`);

export const OverviewQuery = graphql(`
  query Overview($groupBy: OverviewGrouping, $firstGroups: Int, $firstStarts: Int) {
    overview(groupBy: $groupBy, firstGroups: $firstGroups, firstStarts: $firstStarts) {
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
`);

export const NeighboursQuery = graphql(`
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
`);

export const NodesOfKindQuery = graphql(`
  query NodesOfKind($kind: NodeKind!, $first: Int) {
    nodesOfKind(kind: $kind, first: $first, sort: { field: DEGREE, direction: DESC }) {
      totalCount
      edges {
        node {
          id
        }
      }
    }
  }
`);
