import type { NodeKind, PartnershipType, RelationKind } from '../gql/graphql.js';

/** The kinds, in the order the legend and the filters list them, with plain-language names. */
export const NODE_KINDS: readonly NodeKind[] = [
  'MUNICIPALITY',
  'ORGANIZATION',
  'PARTNERSHIP',
  'PROJECT',
  'NETWORK',
  'FUNDING_PROGRAM',
  'PERSON',
  'PLACE',
  'AWARD',
  'APPROACH',
  'THEME',
  'SDG',
  'COUNTRY',
  'SOURCE',
];

export const RELATION_KINDS: readonly RelationKind[] = [
  'PARTY_TO',
  'MEMBER_OF',
  'PARTICIPATES_IN',
  'COORDINATES',
  'FUNDS',
  'SUPPORTS',
  'COLLABORATES_WITH',
  'LOCATED_IN',
  'PART_OF',
  'HOSTED_BY',
  'EXEMPLIFIES',
  'ADDRESSES_THEME',
  'CONTRIBUTES_TO_SDG',
  'FOUNDED_BY',
  'AWARDS',
  'FOLLOWS_UP',
  'AFFILIATED_WITH',
  'ACTIVE_IN',
  'CONCERNS',
  'RESOURCE_FOR',
  'FUNDING_FOR',
  'WINS',
  'HAS_ROLE_IN',
  'REQUESTS_SUPPORT_FROM',
  'CITES',
  'PUBLISHED_BY',
];

export const PARTNERSHIP_TYPES: readonly PartnershipType[] = [
  'CITY_TO_CITY',
  'TWINNING',
  'FRIENDSHIP',
  'FORMAL_PARTNERSHIP',
  'ORGANIZATIONAL',
  'OTHER',
];

export interface KindStyle {
  label: string;
  plural: string;
  colour: string;
  /** A Cytoscape node shape. */
  shape: string;
}

// Colours chosen to stay distinguishable for the common colour-vision deficiencies; the shape
// carries the kind as well, so colour is never the only cue.
export const NODE_KIND_STYLE: Record<NodeKind, KindStyle> = {
  MUNICIPALITY: { label: 'Municipality', plural: 'Municipalities', colour: '#1f77b4', shape: 'ellipse' },
  ORGANIZATION: { label: 'Organisation', plural: 'Organisations', colour: '#ff7f0e', shape: 'round-rectangle' },
  PARTNERSHIP: { label: 'Partnership', plural: 'Partnerships', colour: '#d62728', shape: 'diamond' },
  PROJECT: { label: 'Project', plural: 'Projects', colour: '#2ca02c', shape: 'round-triangle' },
  NETWORK: { label: 'Network', plural: 'Networks', colour: '#9467bd', shape: 'hexagon' },
  FUNDING_PROGRAM: { label: 'Funding programme', plural: 'Funding programmes', colour: '#8c564b', shape: 'round-pentagon' },
  APPROACH: { label: 'Approach', plural: 'Approaches', colour: '#e377c2', shape: 'star' },
  THEME: { label: 'Theme', plural: 'Themes', colour: '#17becf', shape: 'round-tag' },
  SDG: { label: 'SDG', plural: 'SDGs', colour: '#bcbd22', shape: 'octagon' },
  COUNTRY: { label: 'Country', plural: 'Countries', colour: '#7f7f7f', shape: 'barrel' },
  SOURCE: { label: 'Source', plural: 'Sources', colour: '#4b4b4b', shape: 'rectangle' },
  PERSON: { label: 'Person', plural: 'People', colour: '#c2571a', shape: 'round-heptagon' },
  PLACE: { label: 'Place', plural: 'Places', colour: '#5c8f3a', shape: 'round-diamond' },
  AWARD: { label: 'Award', plural: 'Awards', colour: '#d4a017', shape: 'vee' },
};

export interface RelationStyle {
  /** Reads between the two names: "Roeselare — party to → Roeselare - Dogbo". */
  label: string;
  /** The relation seen from its target: "has party". */
  inverse: string;
  colour: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
}

export const RELATION_KIND_STYLE: Record<RelationKind, RelationStyle> = {
  PARTY_TO: { label: 'party to', inverse: 'has party', colour: '#d62728', lineStyle: 'solid' },
  MEMBER_OF: { label: 'member of', inverse: 'has member', colour: '#9467bd', lineStyle: 'solid' },
  PARTICIPATES_IN: { label: 'participates in', inverse: 'has participant', colour: '#2ca02c', lineStyle: 'solid' },
  COORDINATES: { label: 'coordinates', inverse: 'coordinated by', colour: '#1b7c1b', lineStyle: 'solid' },
  FUNDS: { label: 'funds', inverse: 'funded by', colour: '#8c564b', lineStyle: 'solid' },
  SUPPORTS: { label: 'supports', inverse: 'supported by', colour: '#ff7f0e', lineStyle: 'dashed' },
  COLLABORATES_WITH: { label: 'collaborates with', inverse: 'collaborates with', colour: '#1f77b4', lineStyle: 'solid' },
  LOCATED_IN: { label: 'located in', inverse: 'location of', colour: '#b0b0b0', lineStyle: 'dotted' },
  PART_OF: { label: 'part of', inverse: 'includes', colour: '#7f7f7f', lineStyle: 'dashed' },
  HOSTED_BY: { label: 'hosted by', inverse: 'hosts', colour: '#7f7f7f', lineStyle: 'dashed' },
  EXEMPLIFIES: { label: 'exemplifies', inverse: 'example', colour: '#e377c2', lineStyle: 'dashed' },
  ADDRESSES_THEME: { label: 'addresses theme', inverse: 'addressed by', colour: '#17becf', lineStyle: 'dotted' },
  CONTRIBUTES_TO_SDG: { label: 'contributes to', inverse: 'contributed to by', colour: '#bcbd22', lineStyle: 'dotted' },
  FOUNDED_BY: { label: 'founded by', inverse: 'founded', colour: '#ff7f0e', lineStyle: 'solid' },
  AWARDS: { label: 'presents', inverse: 'presented by', colour: '#9467bd', lineStyle: 'dashed' },
  FOLLOWS_UP: { label: 'follows up', inverse: 'followed up by', colour: '#2ca02c', lineStyle: 'dashed' },
  AFFILIATED_WITH: { label: 'affiliated with', inverse: 'affiliated with', colour: '#7f7f7f', lineStyle: 'dashed' },
  ACTIVE_IN: { label: 'active in', inverse: 'has active', colour: '#b0b0b0', lineStyle: 'dotted' },
  CONCERNS: { label: 'concerns', inverse: 'concerned by', colour: '#5c8f3a', lineStyle: 'dotted' },
  RESOURCE_FOR: { label: 'resource for', inverse: 'has resource', colour: '#e377c2', lineStyle: 'dotted' },
  FUNDING_FOR: { label: 'funding for', inverse: 'funded through', colour: '#8c564b', lineStyle: 'dashed' },
  WINS: { label: 'won', inverse: 'won by', colour: '#d4a017', lineStyle: 'solid' },
  HAS_ROLE_IN: { label: 'has a role in', inverse: 'has person', colour: '#c2571a', lineStyle: 'solid' },
  REQUESTS_SUPPORT_FROM: { label: 'asked support from', inverse: 'asked for support by', colour: '#ff7f0e', lineStyle: 'dashed' },
  CITES: { label: 'cites', inverse: 'cited by', colour: '#4b4b4b', lineStyle: 'dotted' },
  PUBLISHED_BY: { label: 'published by', inverse: 'publishes', colour: '#4b4b4b', lineStyle: 'dashed' },
};

export const PARTNERSHIP_TYPE_LABEL: Record<PartnershipType, string> = {
  CITY_TO_CITY: 'city-to-city',
  TWINNING: 'twinning',
  FRIENDSHIP: 'friendship',
  FORMAL_PARTNERSHIP: 'formal partnership',
  ORGANIZATIONAL: 'organisational',
  OTHER: 'partnership',
};

export const PARTNERSHIP_TYPE_COLOUR: Record<PartnershipType, string> = {
  CITY_TO_CITY: '#d62728',
  TWINNING: '#1f77b4',
  FRIENDSHIP: '#2ca02c',
  FORMAL_PARTNERSHIP: '#9467bd',
  ORGANIZATIONAL: '#ff7f0e',
  OTHER: '#7f7f7f',
};

export const isNodeKind = (s: string): s is NodeKind => (NODE_KINDS as readonly string[]).includes(s);
export const isRelationKind = (s: string): s is RelationKind => (RELATION_KINDS as readonly string[]).includes(s);
