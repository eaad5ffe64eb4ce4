import type { SourceResolvers } from '../generated/graphql.js';
import { nodeFields, others } from './nodeFields.js';

export const Source: SourceResolvers = {
  ...nodeFields,
  sourceType: (n) => (n.sourceType ?? 'DOCUMENT') as never,
  publishedBy: (n, _args, ctx) => others(ctx, n.id, 'PUBLISHED_BY', 'OUT'),
};
