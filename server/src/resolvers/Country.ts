import type { CountryResolvers } from '../generated/graphql.js';
import { nodeFields } from './nodeFields.js';

export const Country: CountryResolvers = { ...nodeFields, code: (n) => n.code ?? '' };
