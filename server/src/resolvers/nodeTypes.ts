import { APPROACH_FEATURES, ratingScore, type GraphNode, type NodeKind } from '../domain/model.js';
import type { Resolvers } from '../generated/graphql.js';
import { moneyOf } from './mappedTypes.js';
import { locatedFields, nodeFields, related } from './nodeFields.js';

const TYPE_OF_KIND: Record<NodeKind, string> = {
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
};

const partnershipsOf = async (n: GraphNode, _args: unknown, ctx: Parameters<typeof related>[0]) =>
  (await related(ctx, n.id, 'PARTY_TO', 'OUT')).map((e) => e.other);

/** One resolver map per node type; all share nodeFields. */
export const nodeTypeResolvers: Pick<
  Resolvers,
  'Node' | 'Municipality' | 'Organization' | 'Network' | 'FundingProgram' | 'Project' | 'Partnership' | 'Approach' | 'ApproachRating' | 'Theme' | 'Sdg' | 'Country' | 'Source'
> = {
  Node: { __resolveType: (n) => TYPE_OF_KIND[n.kind] as never },
  Municipality: { ...nodeFields, ...locatedFields, countryCode: (n) => n.country ?? '', partnerships: partnershipsOf },
  Organization: { ...nodeFields, ...locatedFields, partnerships: partnershipsOf },
  Network: {
    ...nodeFields,
    ...locatedFields,
    members: async (n, _args, ctx) => (await related(ctx, n.id, 'MEMBER_OF', 'IN')).map((e) => e.other),
  },
  FundingProgram: { ...nodeFields, money: (n) => moneyOf(n) },
  Project: { ...nodeFields, ...locatedFields, money: (n) => moneyOf(n), status: (n) => (n.status ?? 'UNKNOWN') as never },
  Partnership: {
    ...nodeFields,
    status: (n) => (n.status ?? 'UNKNOWN') as never,
    parties: async (n, _args, ctx) =>
      (await related(ctx, n.id, 'PARTY_TO', 'IN')).map((e) => ({ node: e.other, role: e.relation.role, sources: e.relation.sources })),
  },
  Approach: {
    ...nodeFields,
    number: (n) => n.number ?? 0,
    ratings: (n) => n.ratings ?? [],
    cases: async (n, _args, ctx) => (await related(ctx, n.id, 'EXEMPLIFIES', 'IN')).map((e) => e.other),
  },
  ApproachRating: {
    label: (r) => featureOf(r.feature).label,
    printedLabel: (r) => featureOf(r.feature).printedLabel,
    score: (r) => ratingScore(r.printed),
  },
  Theme: { ...nodeFields },
  Sdg: { ...nodeFields, number: (n) => n.number ?? 0 },
  Country: { ...nodeFields, code: (n) => n.code ?? '' },
  Source: { ...nodeFields, sourceType: (n) => (n.sourceType ?? 'DOCUMENT') as never },
};

function featureOf(key: string) {
  const feature = APPROACH_FEATURES.find((f) => f.key === key);
  if (!feature) throw new Error(`unknown approach feature ${key}`);
  return feature;
}
