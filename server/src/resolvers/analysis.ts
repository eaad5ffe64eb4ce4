import type { RelationKind } from '../domain/model.js';
import { recommendApproaches } from '../domain/advisor.js';
import { BadUserInputError, NotFoundError } from '../errors.js';
import type { QueryResolvers } from '../generated/graphql.js';
import type { AtlasContext } from '../context.js';
import { SIMILARITY_BASES } from '../store/analysis/similarity.js';
import type { GraphPath } from '../store/GraphAnalytics.js';
import { relationView } from './mappedTypes.js';
import { pageSize } from './pagination.js';

const LIMITS = { peers: { default: 10, max: 100 }, paths: { default: 10, max: 50 }, maxHops: 6, metricsIds: 1000 };

async function requireNode(ctx: AtlasContext, id: string, kind?: string) {
  const node = await ctx.nodes.load(id);
  if (!node) throw new NotFoundError(`No node has the id "${id}". Find ids with the search field.`, [id]);
  if (kind && node.kind !== kind) throw new BadUserInputError(`"${id}" is a ${node.kind}, not a ${kind}.`, 'id');
  return node;
}

const pathView = (p: GraphPath) => ({ nodes: p.nodes, relations: p.relations.map(relationView), length: p.relations.length });

function maxHopsOf(maxHops: number | null | undefined): number {
  const hops = maxHops ?? 4;
  if (!Number.isInteger(hops) || hops < 1 || hops > LIMITS.maxHops) {
    throw new BadUserInputError(`"maxHops" must be between 1 and ${LIMITS.maxHops} (got ${hops}).`, 'maxHops');
  }
  return hops;
}

export const analysisQueries: Pick<
  QueryResolvers,
  'similarMunicipalities' | 'suggestPartners' | 'shortestPath' | 'allShortestPaths' | 'recommendApproaches' | 'metrics'
> = {
  similarMunicipalities: async (_root, { id, first, metric, basis, weights, filter }, ctx) => {
    await requireNode(ctx, id, 'MUNICIPALITY');
    const bases = basis && basis.length > 0 ? basis : SIMILARITY_BASES;
    for (const w of weights ?? []) {
      if (!(w.weight >= 0)) throw new BadUserInputError(`Weights must be 0 or more (got ${w.weight} for ${w.basis}).`, 'weights');
    }
    return ctx.analytics.similarMunicipalities({
      id,
      first: pageSize(first, LIMITS.peers),
      metric: metric ?? 'JACCARD',
      bases,
      weights: Object.fromEntries((weights ?? []).map((w) => [w.basis, w.weight])),
      countries: filter?.countries ?? undefined,
      levels: filter?.levels ?? undefined,
      excludePartners: filter?.excludePartners ?? false,
    });
  },

  suggestPartners: async (_root, { id, first, kinds }, ctx) => {
    await requireNode(ctx, id);
    const results = await ctx.analytics.suggestPartners({ id, first: pageSize(first, LIMITS.peers), kinds: kinds ?? undefined });
    return results.map((s) => ({ ...s, paths: s.paths.map(pathView) }));
  },

  shortestPath: async (_root, { from, to, relationKinds, maxHops }, ctx) => {
    await Promise.all([requireNode(ctx, from), requireNode(ctx, to)]);
    const [path] = await ctx.analytics.shortestPaths({ from, to, relationKinds: (relationKinds ?? undefined) as RelationKind[] | undefined, maxHops: maxHopsOf(maxHops), first: 1 });
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
      if (min < 0 || max > 3 || min > max) throw new BadUserInputError(`The wish for ${w.feature} needs 0 <= min <= max <= 3 (got min ${min}, max ${max}).`, 'wishes');
      if ((w.weight ?? 1) < 0) throw new BadUserInputError(`The weight for ${w.feature} must be 0 or more.`, 'wishes');
    }
    const approaches = await ctx.store.listNodes({ kind: 'APPROACH', filter: {}, sort: { field: 'NAME', direction: 'ASC' }, first: 100, offset: 0 });
    const advice = recommendApproaches(approaches.items, wishes.map((w) => ({ feature: w.feature, min: w.min ?? undefined, max: w.max ?? undefined, weight: w.weight ?? 1 })));
    return Promise.all(
      advice.map(async (a) => {
        const cases = (await ctx.store.relations({ nodeId: a.approach.id, direction: 'IN', kinds: ['EXEMPLIFIES'], first: 1000, offset: 0 })).items.map((e) => e.other);
        const linked = await Promise.all(cases.map((c) => ctx.store.relations({ nodeId: c.id, direction: 'BOTH', first: 1000, offset: 0 })));
        const around = new Map(linked.flatMap((page) => page.items.map((e) => [e.other.id, e.other] as const)));
        const ofKind = (kind: string) => [...around.values()].filter((n) => n.kind === kind).sort((x, y) => (x.id < y.id ? -1 : 1));
        return { ...a, cases, networks: ofKind('NETWORK'), programs: ofKind('FUNDING_PROGRAM') };
      }),
    );
  },

  metrics: async (_root, { ids }, ctx) => {
    if (ids.length > LIMITS.metricsIds) throw new BadUserInputError(`Ask for the metrics of at most ${LIMITS.metricsIds} nodes at once.`, 'ids');
    return ctx.analytics.metrics(ids);
  },
};

