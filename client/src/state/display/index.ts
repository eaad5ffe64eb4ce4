import type { OverviewGrouping } from '../../gql/graphql.js';
import type { LayoutName } from '../../graph/layouts.js';
import type { PartnershipMode } from '../../graph/model.js';
import { t } from '../../i18n/index.js';

export type { LayoutName };

/** The display domain: how the drawn graph looks, not what it contains. */

/** The layouts, in the order the toolbar lists them; their names are domain:layout.*. */
export const LAYOUTS: readonly { name: LayoutName }[] = [
  { name: 'fcose' },
  { name: 'concentric' },
  { name: 'hierarchical' },
  { name: 'grid' },
];
export const layoutLabel = (name: LayoutName): string => t(`domain:layout.${name}`);
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
