/**
 * The example queries GraphiQL opens with, one tab each: the three jobs (explore, query, peers) and
 * the approach advisor. tests/api/documentedQueries.test.ts runs every one of them against the
 * real server, so an example that the limits refuse or the schema no longer accepts fails a test.
 */
export interface ExampleQuery {
  /** The operation name, shown as the tab's title. */
  name: string;
  query: string;
}

export const GRAPHIQL_EXAMPLES: readonly ExampleQuery[] = [
  {
    name: 'SearchNodes',
    query: `# Welcome to Cooperation Atlas. Press the run button (or Ctrl-Enter).
# The Docs button (top left) lists every type and field; Ctrl-Space completes as you type.
query SearchNodes {
  search(text: "roese", first: 5) {
    totalCount
    edges { score node { id kind name ... on Municipality { countryCode } } }
  }
}
`,
  },
  {
    name: 'PartnersOfAMunicipality',
    query: `# Who is Roeselare partnered with, since when, and which source says so?
query PartnersOfAMunicipality {
  node(id: "roeselare") {
    name
    ... on Municipality {
      partnerships {
        name since partnershipType
        parties { role node { id name } }
        sources { locator quote }
      }
    }
  }
}
`,
  },
  {
    name: 'NeighbourhoodToDraw',
    query: `# Everything within two hops of Dogbo, as nodes and edges ready to draw.
query NeighbourhoodToDraw {
  neighborhood(ids: ["dogbo"], depth: 2) {
    truncated
    nodes { id kind name }
    edges { id kind source target }
  }
}
`,
  },
  {
    name: 'MostConnectedFlemishMunicipalities',
    query: `# Flemish municipalities following the city-to-city approach, most connected first.
query MostConnectedFlemishMunicipalities {
  municipalities(filter: { countries: ["BE"], approaches: ["city-to-city-partnership"] }, sort: { field: DEGREE, direction: DESC }, first: 10) {
    totalCount
    edges { node { id name degree } }
  }
}
`,
  },
  {
    name: 'PeersAndSuggestions',
    query: `# Municipalities like Roeselare and why, and whom it could partner with.
query PeersAndSuggestions {
  similarMunicipalities(id: "roeselare", first: 5) {
    peer { id name }
    score
    byBasis { basis score shared { id name } }
  }
  suggestPartners(id: "roeselare", first: 3) {
    candidate { id name }
    paths { nodes { name } relations { kind } }
  }
}
`,
  },
  {
    name: 'HowAreTheyConnected',
    query: `# How are Zoersel and Ostend connected, hop by hop, with the source of each hop?
query HowAreTheyConnected {
  shortestPath(from: "zoersel", to: "ostend", relationKinds: [PARTY_TO, MEMBER_OF]) {
    nodes { id name }
    relations { kind sources { quote } }
  }
}
`,
  },
  {
    name: 'ChooseAnApproach',
    query: `# Which cooperation approach fits a small budget and high reciprocity (the source's rating table)?
query ChooseAnApproach {
  recommendApproaches(wishes: [{ feature: BUDGET, max: 1 }, { feature: RECIPROCITY, min: 2 }]) {
    approach { name }
    meetsAll
    missed { label printed }
    cases { name }
  }
  approaches { number name ratings { label printed score } }
}
`,
  },
];
