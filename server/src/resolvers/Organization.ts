import type { OrganizationResolvers } from '../generated/graphql.js';
import { locatedFields, nodeFields, partnershipsOf } from './nodeFields.js';

export const Organization: OrganizationResolvers = { ...nodeFields, ...locatedFields, partnerships: partnershipsOf };
