import type { ApproachFeature, NodeKind, PartnershipType, RelationKind } from '../gql/graphql.js';
import { i18n, t } from '../i18n/index.js';

/** The kinds, in the order the legend and the filters list them; their names are in the catalogues (domain:nodeKind). */
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
  colour: string;
  /** A Cytoscape node shape. */
  shape: string;
}

// Colours chosen to stay distinguishable for the common colour-vision deficiencies; the shape
// carries the kind as well, so colour is never the only cue.
export const NODE_KIND_STYLE: Record<NodeKind, KindStyle> = {
  MUNICIPALITY: { colour: '#1f77b4', shape: 'ellipse' },
  ORGANIZATION: { colour: '#ff7f0e', shape: 'round-rectangle' },
  PARTNERSHIP: { colour: '#d62728', shape: 'diamond' },
  PROJECT: { colour: '#2ca02c', shape: 'round-triangle' },
  NETWORK: { colour: '#9467bd', shape: 'hexagon' },
  FUNDING_PROGRAM: { colour: '#8c564b', shape: 'round-pentagon' },
  APPROACH: { colour: '#e377c2', shape: 'star' },
  THEME: { colour: '#17becf', shape: 'round-tag' },
  SDG: { colour: '#bcbd22', shape: 'octagon' },
  COUNTRY: { colour: '#7f7f7f', shape: 'barrel' },
  SOURCE: { colour: '#4b4b4b', shape: 'rectangle' },
  PERSON: { colour: '#c2571a', shape: 'round-heptagon' },
  PLACE: { colour: '#5c8f3a', shape: 'round-diamond' },
  AWARD: { colour: '#d4a017', shape: 'vee' },
};

export interface RelationStyle {
  colour: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
}

export const RELATION_KIND_STYLE: Record<RelationKind, RelationStyle> = {
  PARTY_TO: { colour: '#d62728', lineStyle: 'solid' },
  MEMBER_OF: { colour: '#9467bd', lineStyle: 'solid' },
  PARTICIPATES_IN: { colour: '#2ca02c', lineStyle: 'solid' },
  COORDINATES: { colour: '#1b7c1b', lineStyle: 'solid' },
  FUNDS: { colour: '#8c564b', lineStyle: 'solid' },
  SUPPORTS: { colour: '#ff7f0e', lineStyle: 'dashed' },
  COLLABORATES_WITH: { colour: '#1f77b4', lineStyle: 'solid' },
  LOCATED_IN: { colour: '#b0b0b0', lineStyle: 'dotted' },
  PART_OF: { colour: '#7f7f7f', lineStyle: 'dashed' },
  HOSTED_BY: { colour: '#7f7f7f', lineStyle: 'dashed' },
  EXEMPLIFIES: { colour: '#e377c2', lineStyle: 'dashed' },
  ADDRESSES_THEME: { colour: '#17becf', lineStyle: 'dotted' },
  CONTRIBUTES_TO_SDG: { colour: '#bcbd22', lineStyle: 'dotted' },
  FOUNDED_BY: { colour: '#ff7f0e', lineStyle: 'solid' },
  AWARDS: { colour: '#9467bd', lineStyle: 'dashed' },
  FOLLOWS_UP: { colour: '#2ca02c', lineStyle: 'dashed' },
  AFFILIATED_WITH: { colour: '#7f7f7f', lineStyle: 'dashed' },
  ACTIVE_IN: { colour: '#b0b0b0', lineStyle: 'dotted' },
  CONCERNS: { colour: '#5c8f3a', lineStyle: 'dotted' },
  RESOURCE_FOR: { colour: '#e377c2', lineStyle: 'dotted' },
  FUNDING_FOR: { colour: '#8c564b', lineStyle: 'dashed' },
  WINS: { colour: '#d4a017', lineStyle: 'solid' },
  HAS_ROLE_IN: { colour: '#c2571a', lineStyle: 'solid' },
  REQUESTS_SUPPORT_FROM: { colour: '#ff7f0e', lineStyle: 'dashed' },
  CITES: { colour: '#4b4b4b', lineStyle: 'dotted' },
  PUBLISHED_BY: { colour: '#4b4b4b', lineStyle: 'dashed' },
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

/** A node kind's name in the active language: "Municipality", "Gemeente", "Commune". */
export const nodeKindLabel = (kind: NodeKind): string => t(`domain:nodeKind.${kind}`);
/** A node kind's name as a heading for many: "Municipalities". */
export const nodeKindPlural = (kind: NodeKind): string => t(`domain:nodeKinds.${kind}`);
/** Reads between the two names: "Roeselare — party to → Roeselare - Dogbo". */
export const relationLabel = (kind: RelationKind): string => t(`domain:relation.${kind}`);
/** The relation seen from its target: "has party". */
export const relationInverse = (kind: RelationKind): string => t(`domain:relationInverse.${kind}`);
/** The relation from `from`'s side, as a verb after a name: "is member of", or "has member" when `from` is its target. */
export const relationVerb = (kind: RelationKind, outgoing: boolean): string =>
  outgoing ? t(`domain:verb.${kind}`) : t(`domain:verbInverse.${kind}`);
/** "twinning", "stedenband", "jumelage"; null (an untyped partnership) reads "partnership". */
export const partnershipTypeLabel = (type: PartnershipType | null | undefined): string => t(`domain:partnershipType.${type ?? 'OTHER'}`);

/**
 * One of the source's eight approaches by its name in the active language (domain:approach.<id>);
 * an approach the catalogues do not know (an imported one) keeps the name the API gave.
 */
export const approachName = (a: { id: string; name: string }): string => {
  const key = `domain:approach.${a.id}`;
  return i18n.exists(key) ? String(i18n.t(key as 'domain:approach.twinning')) : a.name;
};

/** A feature of the source's summary table in the active language; the source's own printed label is the API's printedLabel. */
export const featureLabel = (f: ApproachFeature): string => t(`domain:approachFeature.${f}`);
