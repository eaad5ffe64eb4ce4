import type { OverviewGrouping } from '../../gql/graphql.js';
import type { LayoutName } from '../../graph/layouts.js';
import type { PartnershipMode } from '../../graph/model.js';

export type { LayoutName };

/** The display domain: how the drawn graph looks, not what it contains. */
export const LAYOUTS: readonly { name: LayoutName; label: string }[] = [
  { name: 'fcose', label: 'Force-directed' },
  { name: 'concentric', label: 'Concentric (focus in the middle)' },
  { name: 'hierarchical', label: 'Hierarchical (from the focus)' },
  { name: 'grid', label: 'Grid (by kind)' },
];
export const isLayoutName = (s: string): s is LayoutName => LAYOUTS.some((l) => l.name === s);

export type PanelView = 'graph' | 'list' | 'map';

export interface DisplayState {
  layout: LayoutName;
  partnerships: PartnershipMode;
  sizeByDegree: boolean;
  /** The canvas, the accessible list of the same nodes and relationships, or the map of places. */
  panel: PanelView;
  /** How the overview groups a graph too large to draw whole. */
  groupBy: OverviewGrouping;
}

export const initialDisplay = (): DisplayState => ({
  layout: 'fcose',
  partnerships: 'auto',
  sizeByDegree: true,
  panel: 'graph',
  groupBy: 'COUNTRY',
});
