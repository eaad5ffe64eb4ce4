import type { SourceResolvers } from '../generated/graphql.js';
import { nodeFields } from './nodeFields.js';

export const Source: SourceResolvers = { ...nodeFields, sourceType: (n) => (n.sourceType ?? 'DOCUMENT') as never };
