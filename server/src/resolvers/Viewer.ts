import type { ViewerResolvers } from '../generated/graphql.js';

export const Viewer: ViewerResolvers = {
  role: (p) => (p.role === 'editor' ? 'EDITOR' : 'READER'),
};
