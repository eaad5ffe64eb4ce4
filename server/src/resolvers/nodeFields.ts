import { countryNodeId, type GraphNode, type RelationKind } from '../domain/model.js';
import type { AtlasContext } from '../context.js';
import { BadUserInputError } from '../domain/errors.js';
import { nameFor, primaryLanguage } from '../domain/names.js';
import type { Direction, InputMaybe } from '../generated/graphql.js';
import { LIMITS } from '../limits.js';
import { relationView } from './models.js';
import { offsetAfter, pageSize, toConnection } from './pagination.js';

/** Field resolvers every node type shares (the Node interface). */
export const nodeFields = {
  name: (n: GraphNode, args: { lang?: InputMaybe<string> }, { languages }: AtlasContext) =>
    nameFor(n, args.lang === undefined || args.lang === null ? languages : [languageArgument(args.lang)]),
  names: (n: GraphNode) => n.names ?? [],
  description: (n: GraphNode) => n.description ?? null,
  wikidata: (n: GraphNode) => n.wikidata ?? null,
  degree: (n: GraphNode, _args: unknown, { degrees }: AtlasContext) => degrees.load(n.id),
  relations: async (
    n: GraphNode,
    args: { kinds?: InputMaybe<RelationKind[]>; direction?: InputMaybe<Direction>; first?: InputMaybe<number>; after?: InputMaybe<string> },
    { store }: AtlasContext,
  ) => {
    const page = await store.relations({
      nodeId: n.id,
      kinds: args.kinds ?? undefined,
      direction: args.direction ?? 'BOTH',
      first: pageSize(args.first, LIMITS.relationsPageSize),
      offset: offsetAfter(args.after),
    });
    return toConnection(page, (e, cursor) => ({ cursor, direction: e.direction, node: e.other, relation: relationView(e.relation) }));
  },
};

/** The `lang` argument as names use it ("fr-BE" -> "fr"); anything that is not a language tag is refused. */
function languageArgument(tag: string): string {
  const lang = primaryLanguage(tag);
  if (!lang)
    throw new BadUserInputError(`"lang" must be a language tag such as "nl", "fr" or "fr-BE" (got "${tag.slice(0, 40)}").`, 'lang');
  return lang;
}

/** Fields of nodes located in a country. */
export const locatedFields = {
  countryCode: (n: GraphNode) => n.country ?? null,
  country: (n: GraphNode, _args: unknown, { nodes }: AtlasContext) => (n.country ? nodes.load(countryNodeId(n.country)) : null),
};

/** The nodes at the other end of all of a node's relationships of one kind and direction. */
export async function related(ctx: AtlasContext, nodeId: string, kind: RelationKind, direction: 'OUT' | 'IN') {
  const page = await ctx.store.relations({ nodeId, kinds: [kind], direction, first: 10_000, offset: 0 });
  return page.items;
}

/** The nodes at the other end of a node's relationships of one kind and direction. */
export async function others(ctx: AtlasContext, nodeId: string, kind: RelationKind, direction: 'OUT' | 'IN'): Promise<GraphNode[]> {
  return (await related(ctx, nodeId, kind, direction)).map((e) => e.other);
}

/** The countries and places a programme, network or organisation is active in. */
export const activeIn = (n: GraphNode, _args: unknown, ctx: AtlasContext) => others(ctx, n.id, 'ACTIVE_IN', 'OUT');

/** The partnerships a municipality or organisation is a party to. */
export const partnershipsOf = async (n: GraphNode, _args: unknown, ctx: AtlasContext) =>
  (await related(ctx, n.id, 'PARTY_TO', 'OUT')).map((e) => e.other);
