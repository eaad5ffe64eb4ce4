import type { ThemeResolvers } from '../generated/graphql.js';
import { nodeFields } from './nodeFields.js';

export const Theme: ThemeResolvers = { ...nodeFields };
