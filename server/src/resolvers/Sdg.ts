import type { SdgResolvers } from '../generated/graphql.js';
import { nodeFields } from './nodeFields.js';

export const Sdg: SdgResolvers = { ...nodeFields, number: (n) => n.number ?? 0 };
