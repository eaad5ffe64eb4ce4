import type { NodeKind } from '../domain/model.js';
import { BadUserInputError, NotFoundError } from '../errors.js';
import type { QueryResolvers } from '../generated/graphql.js';
import { LIMITS } from '../limits.js';
import type { GraphStore } from '../store/GraphStore.js';
import { toNodeFilter, toNodeSort } from './filters.js';
import { relationView } from './mappedTypes.js';
import { offsetAfter, pageSize, toConnection } from './pagination.js';

type ListArgs = { filter?: Parameters<typeof toNodeFilter>[0]; sort?: Parameters<typeof toNodeSort>[0]; first?: number | null; after?: string | null };

async function listOf(store: GraphStore, kind: NodeKind, args: ListArgs) {
  const page = await store.listNodes({
    kind,
    filter: toNodeFilter(args.filter),
    sort: toNodeSort(args.sort),
    first: pageSize(args.first, LIMITS.pageSize),
    offset: offsetAfter(args.after),
  });
  return toConnection(page, (node, cursor) => ({ node, cursor }));
}

export const Query: QueryResolvers = {
  node: (_root, { id }, { nodes }) => nodes.load(id),

  search: async (_root, { text, kinds, first, after }, { store }) => {
    if (text.length > LIMITS.searchTextLength) {
      throw new BadUserInputError(`"text" is too long (${text.length} characters); search for at most ${LIMITS.searchTextLength}.`, 'text');
    }
    const page = await store.search(text, { kinds: kinds ?? undefined, first: pageSize(first, LIMITS.pageSize), offset: offsetAfter(after) });
    return toConnection(page, (hit, cursor) => ({ node: hit.node, score: hit.score, cursor }));
  },

  municipalities: (_r, args, { store }) => listOf(store, 'MUNICIPALITY', args),
  organizations: (_r, args, { store }) => listOf(store, 'ORGANIZATION', args),
  networks: (_r, args, { store }) => listOf(store, 'NETWORK', args),
  fundingPrograms: (_r, args, { store }) => listOf(store, 'FUNDING_PROGRAM', args),
  projects: (_r, args, { store }) => listOf(store, 'PROJECT', args),
  partnerships: (_r, args, { store }) => listOf(store, 'PARTNERSHIP', args),
  themes: (_r, args, { store }) => listOf(store, 'THEME', args),
  sdgs: (_r, args, { store }) => listOf(store, 'SDG', args),
  countries: (_r, args, { store }) => listOf(store, 'COUNTRY', args),
  sources: (_r, args, { store }) => listOf(store, 'SOURCE', args),

  neighborhood: async (_root, { ids, depth, filter, limit }, { store }) => {
    const { maxDepth, defaultLimit, maxLimit, maxSeeds } = LIMITS.neighborhood;
    const d = depth ?? 1;
    if (!Number.isInteger(d) || d < 1 || d > maxDepth) throw new BadUserInputError(`"depth" must be between 1 and ${maxDepth} (got ${d}).`, 'depth');
    const l = pageSize(limit, { default: defaultLimit, max: maxLimit }, 'limit');
    if (ids.length === 0 || ids.length > maxSeeds) throw new BadUserInputError(`"ids" must name between 1 and ${maxSeeds} nodes (got ${ids.length}).`, 'ids');
    const subgraph = await store.neighborhood({
      ids,
      depth: d,
      limit: l,
      relationKinds: filter?.relationKinds ?? undefined,
      nodeKinds: filter?.nodeKinds ?? undefined,
    });
    if (subgraph.missingIds.length > 0) {
      const quoted = subgraph.missingIds.map((id) => `"${id}"`).join(', ');
      throw new NotFoundError(`No node has the id ${quoted}. Find ids with the search field.`, subgraph.missingIds);
    }
    return { nodes: subgraph.nodes, edges: subgraph.edges.map(relationView), truncated: subgraph.truncated };
  },

  approaches: async (_root, _args, { store }) => {
    const page = await store.listNodes({ kind: 'APPROACH', filter: {}, sort: { field: 'NAME', direction: 'ASC' }, first: 1000, offset: 0 });
    return page.items.sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  },

  stats: (_root, _args, { store }) => store.stats(),
};
