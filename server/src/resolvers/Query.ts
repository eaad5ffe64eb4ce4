import type { AtlasContext } from '../context.js';
import { recommendApproaches } from '../domain/advisor.js';
import type { GraphNode, GraphRelation, NodeKind, RelationKind } from '../domain/model.js';
import { compareStrings, normalizeText } from '../domain/normalize.js';
import { BadUserInputError, NotFoundError } from '../domain/errors.js';
import { exportToText } from '../exporter/exportGraph.js';
import type { QueryResolvers } from '../generated/graphql.js';
import { LIMITS } from '../limits.js';
import { readMapLayer } from '../map/mapLayer.js';
import { explainLangOf } from '../store/analysis/explain.js';
import type { GraphStore } from '../store/GraphStore.js';
import { toNodeFilter, toNodeSort } from './filters.js';
import { relationView } from './models.js';
import { offsetAfter, pageSize, toConnection } from './pagination.js';
import { partnerSuggestionView, pathView, similarityQueryOf, similarMunicipalityView } from './similarity.js';

/** A node kind in words, for a group of the overview ("FUNDING_PROGRAM" → "Funding programs"). */
const kindLabel = (kind: string) => `${kind.charAt(0)}${kind.slice(1).toLowerCase().replace(/_/g, ' ')}s`;

function between(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadUserInputError(`"${argument}" must be between ${min} and ${max} (got ${value}).`, argument);
  return value;
}

type ListArgs = {
  filter?: Parameters<typeof toNodeFilter>[0];
  sort?: Parameters<typeof toNodeSort>[0];
  first?: number | null;
  after?: string | null;
};

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

async function requireNode(ctx: AtlasContext, id: string, kind?: string) {
  const node = await ctx.nodes.load(id);
  if (!node) throw new NotFoundError(`No node has the id "${id}". Find ids with the search field.`, [id]);
  if (kind && node.kind !== kind) throw new BadUserInputError(`"${id}" is a ${node.kind}, not a ${kind}.`, 'id');
  return node;
}

function maxHopsOf(maxHops: number | null | undefined): number {
  const hops = maxHops ?? LIMITS.maxHops.default;
  if (!Number.isInteger(hops) || hops < 1 || hops > LIMITS.maxHops.max) {
    throw new BadUserInputError(`"maxHops" must be between 1 and ${LIMITS.maxHops.max} (got ${hops}).`, 'maxHops');
  }
  return hops;
}

/** Every APPROACH, by name: pages of the largest size the API allows (one page for the source's eight). */
async function allApproaches(store: GraphStore): Promise<GraphNode[]> {
  const approaches: GraphNode[] = [];
  for (let offset = 0; ;) {
    const page = await store.listNodes({
      kind: 'APPROACH',
      filter: {},
      sort: { field: 'NAME', direction: 'ASC' },
      first: LIMITS.pageSize.max,
      offset,
    });
    approaches.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.totalCount) return approaches;
  }
}

/**
 * For each approach: its cases (the nodes that EXEMPLIFY it, by name, as `relations` orders them),
 * and the networks and programmes around it (those FUNDING_FOR it, and the neighbours of its cases),
 * by id. Four store calls whatever the number of approaches and cases: the approaches' relations,
 * the cases' relations, then the nodes at their ends.
 */
async function approachSurroundings(
  store: GraphStore,
  approachIds: readonly string[],
): Promise<Map<string, { cases: GraphNode[]; networks: GraphNode[]; programs: GraphNode[] }>> {
  const ofApproaches = await store.relationsOfNodes(approachIds, ['EXEMPLIFIES', 'FUNDING_FOR']);
  const incoming = (kind: RelationKind, id: string) => ofApproaches.filter((r) => r.kind === kind && r.to === id);
  const caseIds = [...new Set(ofApproaches.filter((r) => r.kind === 'EXEMPLIFIES').map((r) => r.from))];
  const ofCases = await store.relationsOfNodes(caseIds);
  const ids = [...new Set([...ofApproaches.map((r) => r.from), ...ofCases.flatMap((r) => [r.from, r.to])])];
  const nodes = new Map((await store.getNodes(ids)).filter((n): n is GraphNode => n !== null).map((n) => [n.id, n] as const));
  const neighbours = new Map<string, string[]>();
  for (const r of ofCases) {
    for (const [at, other] of [
      [r.from, r.to],
      [r.to, r.from],
    ] as const) {
      if (!neighbours.has(at)) neighbours.set(at, []);
      neighbours.get(at)!.push(other);
    }
  }
  const byName = (a: { relation: GraphRelation; node: GraphNode }, b: { relation: GraphRelation; node: GraphNode }) =>
    compareStrings(normalizeText(a.node.name), normalizeText(b.node.name)) || compareStrings(a.relation.id, b.relation.id);
  const result = new Map<string, { cases: GraphNode[]; networks: GraphNode[]; programs: GraphNode[] }>();
  for (const id of approachIds) {
    const cases = incoming('EXEMPLIFIES', id)
      .map((relation) => ({ relation, node: nodes.get(relation.from)! }))
      .sort(byName)
      .map((c) => c.node);
    const aroundIds = new Set([...incoming('FUNDING_FOR', id).map((r) => r.from), ...cases.flatMap((c) => neighbours.get(c.id) ?? [])]);
    const around = [...aroundIds].map((n) => nodes.get(n)!).sort((x, y) => compareStrings(x.id, y.id));
    result.set(id, {
      cases,
      networks: around.filter((n) => n.kind === 'NETWORK'),
      programs: around.filter((n) => n.kind === 'FUNDING_PROGRAM'),
    });
  }
  return result;
}

export const Query: QueryResolvers = {
  node: (_root, { id }, { nodes }) => nodes.load(id),

  nodes: async (_root, { ids }, { nodes }) => {
    if (ids.length > LIMITS.nodesByIds) {
      throw new BadUserInputError(`"ids" names ${ids.length} nodes; ask for at most ${LIMITS.nodesByIds} at a time.`, 'ids');
    }
    const found = await nodes.loadMany(ids);
    const failed = found.find((n): n is Error => n instanceof Error);
    if (failed) throw failed;
    return found as (GraphNode | null)[];
  },

  search: async (_root, { text, kinds, first, after }, { store }) => {
    if (text.length > LIMITS.searchTextLength) {
      throw new BadUserInputError(`"text" is too long (${text.length} characters); search for at most ${LIMITS.searchTextLength}.`, 'text');
    }
    const page = await store.search(text, {
      kinds: kinds ?? undefined,
      first: pageSize(first, LIMITS.pageSize),
      offset: offsetAfter(after),
    });
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
  people: (_r, args, { store }) => listOf(store, 'PERSON', args),
  places: (_r, args, { store }) => listOf(store, 'PLACE', args),
  awards: (_r, args, { store }) => listOf(store, 'AWARD', args),

  neighborhood: async (_root, { ids, depth, filter, limit }, { store }) => {
    const { maxDepth, defaultLimit, maxLimit, maxSeeds } = LIMITS.neighborhood;
    const d = depth ?? 1;
    if (!Number.isInteger(d) || d < 1 || d > maxDepth)
      throw new BadUserInputError(`"depth" must be between 1 and ${maxDepth} (got ${d}).`, 'depth');
    const l = pageSize(limit, { default: defaultLimit, max: maxLimit }, 'limit');
    if (ids.length === 0 || ids.length > maxSeeds)
      throw new BadUserInputError(`"ids" must name between 1 and ${maxSeeds} nodes (got ${ids.length}).`, 'ids');
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

  neighbours: async (_root, { id, filter, sort, first, after }, ctx) => {
    await requireNode(ctx, id);
    const page = await ctx.store.neighbours({
      id,
      relationKinds: filter?.relationKinds ?? undefined,
      nodeKinds: filter?.nodeKinds ?? undefined,
      countries: filter?.countries ?? undefined,
      text: filter?.text ?? undefined,
      sort: { field: sort?.field ?? 'DEGREE', direction: sort?.direction ?? 'DESC' },
      first: pageSize(first, LIMITS.neighbours),
      offset: offsetAfter(after),
    });
    const connection = toConnection(page, (row, cursor) => ({
      cursor,
      node: row.node,
      degree: row.degree,
      relations: row.relations.map(relationView),
    }));
    return { ...connection, allCount: page.allCount, byKind: page.byKind, byRelationKind: page.byRelationKind, byCountry: page.byCountry };
  },

  nodesOfKind: (_r, { kind, sort, first, after }, { store }) =>
    listOf(store, kind as NodeKind, { sort: sort ?? { field: 'DEGREE', direction: 'DESC' }, first, after }),

  relation: async (_root, { id }, { store }) => {
    const [relation] = await store.getRelations([id]);
    return relation ? relationView(relation) : null;
  },

  relationsAmong: async (_root, { ids, kinds }, { store }) => {
    if (ids.length > LIMITS.relationsAmongIds) {
      throw new BadUserInputError(`"ids" names ${ids.length} nodes; ask for at most ${LIMITS.relationsAmongIds} at a time.`, 'ids');
    }
    const relations = await store.relationsAmong(ids, (kinds ?? undefined) as RelationKind[] | undefined);
    return relations.map(relationView);
  },

  exportSelection: async (_root, { ids, relationKinds, format }, { store }) => {
    if (ids.length === 0 || ids.length > LIMITS.exportIds) {
      throw new BadUserInputError(
        ids.length === 0
          ? '"ids" is empty: name the nodes to export (at least one).'
          : `"ids" names ${ids.length.toLocaleString('en')} nodes; one export takes at most ${LIMITS.exportIds.toLocaleString('en')}. Narrow the view, or export everything with npm run export.`,
        'ids',
      );
    }
    const { files, result } = await exportToText(store, format === 'CSV' ? 'csv' : 'json', {
      ids,
      relationKinds: (relationKinds ?? undefined) as RelationKind[] | undefined,
    });
    return { files, ...result };
  },

  nodeIds: async (_root, { kinds, filter, first, after }, { store }) => {
    const page = await store.listNodeIds({
      kinds: (kinds ?? undefined) as NodeKind[] | undefined,
      filter: toNodeFilter(filter),
      first: pageSize(first, LIMITS.idPageSize),
      offset: offsetAfter(after),
    });
    const { edges, ...connection } = toConnection(page, (id) => id);
    return { ids: edges, ...connection };
  },

  approaches: async (_root, _args, { store }) => {
    const page = await store.listNodes({ kind: 'APPROACH', filter: {}, sort: { field: 'NAME', direction: 'ASC' }, first: 1000, offset: 0 });
    return page.items.sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  },

  stats: (_root, _args, { store }) => store.stats(),

  mapLayer: (_root, _args, { store, languages }) => readMapLayer(store, languages),

  overview: async (_root, { groupBy, firstGroups, firstStarts }, { store }) => {
    const grouping = groupBy ?? 'COUNTRY';
    const groups = between(firstGroups ?? LIMITS.overview.groups.default, 1, LIMITS.overview.groups.max, 'firstGroups');
    const starts = between(firstStarts ?? LIMITS.overview.starts.default, 0, LIMITS.overview.starts.max, 'firstStarts');
    const o = await store.overview({ groupBy: grouping, firstGroups: groups, firstStarts: starts });
    const label = (g: (typeof o.groups)[number]) => g.node?.name ?? (grouping === 'KIND' ? kindLabel(g.key) : g.key);
    return { ...o, groupBy: grouping, groups: o.groups.map((g) => ({ ...g, label: label(g) })) };
  },

  viewer: (_r, _a, ctx) => ctx.principal,

  changes: async (_r, { nodeId, first, after }, { store }) => {
    const page = await store.listChanges({
      nodeId: nodeId ?? undefined,
      first: pageSize(first, LIMITS.changesPageSize),
      offset: offsetAfter(after),
    });
    return toConnection(page, (node, cursor) => ({ node, cursor }));
  },

  similarMunicipalities: async (_root, args, ctx) => {
    const self = await requireNode(ctx, args.id, 'MUNICIPALITY');
    const query = similarityQueryOf(args);
    const lang = explainLangOf(ctx.languages);
    return (await ctx.analytics.similarMunicipalities(query)).map((m) => similarMunicipalityView(self, m, query, lang));
  },

  suggestPartners: async (_root, { id, first, kinds }, ctx) => {
    await requireNode(ctx, id);
    const lang = explainLangOf(ctx.languages);
    return (await ctx.analytics.suggestPartners({ id, first: pageSize(first, LIMITS.peers), kinds: kinds ?? undefined })).map((s) =>
      partnerSuggestionView(s, lang),
    );
  },

  shortestPath: async (_root, { from, to, relationKinds, maxHops }, ctx) => {
    await Promise.all([requireNode(ctx, from), requireNode(ctx, to)]);
    const [path] = await ctx.analytics.shortestPaths({
      from,
      to,
      relationKinds: (relationKinds ?? undefined) as RelationKind[] | undefined,
      maxHops: maxHopsOf(maxHops),
      first: 1,
    });
    return path ? pathView(path) : null;
  },

  allShortestPaths: async (_root, { from, to, relationKinds, maxHops, first }, ctx) => {
    await Promise.all([requireNode(ctx, from), requireNode(ctx, to)]);
    const paths = await ctx.analytics.shortestPaths({
      from,
      to,
      relationKinds: (relationKinds ?? undefined) as RelationKind[] | undefined,
      maxHops: maxHopsOf(maxHops),
      first: pageSize(first, LIMITS.paths),
    });
    return paths.map(pathView);
  },

  recommendApproaches: async (_root, { wishes }, ctx) => {
    for (const w of wishes) {
      const [min, max] = [w.min ?? 0, w.max ?? 3];
      if (min < 0 || max > 3 || min > max)
        throw new BadUserInputError(`The wish for ${w.feature} needs 0 <= min <= max <= 3 (got min ${min}, max ${max}).`, 'wishes');
      if ((w.weight ?? 1) < 0) throw new BadUserInputError(`The weight for ${w.feature} must be 0 or more.`, 'wishes');
    }
    const approaches = await allApproaches(ctx.store);
    const advice = recommendApproaches(
      approaches,
      wishes.map((w) => ({ feature: w.feature, min: w.min ?? undefined, max: w.max ?? undefined, weight: w.weight ?? 1 })),
    );
    const around = await approachSurroundings(
      ctx.store,
      advice.map((a) => a.approach.id),
    );
    return advice.map((a) => ({ ...a, ...around.get(a.approach.id)! }));
  },

  metrics: async (_root, { ids }, ctx) => {
    if (ids.length > LIMITS.metricsIds)
      throw new BadUserInputError(`Ask for the metrics of at most ${LIMITS.metricsIds} nodes at once.`, 'ids');
    // Never computed here: the last values computed in the background, stale while the graph has
    // changed since; until the first computation ends, only the degree (the store knows it).
    const [snapshot, nodes] = await Promise.all([ctx.metrics.lookup(ids), ctx.nodes.loadMany(ids)]);
    return Promise.all(
      ids.map(async (id, i) => {
        const node = nodes[i];
        if (!node || node instanceof Error) return null;
        const value = snapshot.values[i];
        return {
          degree: value?.degree ?? (await ctx.degrees.load(id)),
          betweenness: value?.betweenness ?? null,
          community: value?.community ?? null,
          computedAt: snapshot.computedAt,
          stale: snapshot.stale || !value,
        };
      }),
    );
  },
};
