import type { NodeKind, RelationKind } from '../../gql/graphql.js';
import type { FilterState, YearRange } from '../../graph/model.js';

/** The filters domain. Sources are hidden by default: they have no relationships, every fact cites them in the detail panel. */
export type { FilterState, YearRange };

export const DEFAULT_HIDDEN_NODE_KINDS: readonly NodeKind[] = ['SOURCE'];

export const initialFilters = (): FilterState => ({
  hiddenNodeKinds: [...DEFAULT_HIDDEN_NODE_KINDS],
  hiddenRelationKinds: [],
  countries: [],
  approaches: [],
  themes: [],
  networks: [],
  programs: [],
  years: { from: null, to: null },
});

const toggle = <T extends string>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value].sort();

export const toggleNodeKind = (f: FilterState, kind: NodeKind): FilterState => ({ ...f, hiddenNodeKinds: toggle(f.hiddenNodeKinds, kind) });
export const toggleRelationKind = (f: FilterState, kind: RelationKind): FilterState => ({
  ...f,
  hiddenRelationKinds: toggle(f.hiddenRelationKinds, kind),
});

export type ValueFilter = 'countries' | 'approaches' | 'themes' | 'networks' | 'programs';
export const toggleValue = (f: FilterState, field: ValueFilter, value: string): FilterState => ({ ...f, [field]: toggle(f[field], value) });

/** An inverted range is swapped rather than refused: the user meant the years between. */
export function setYears(f: FilterState, years: YearRange): FilterState {
  const { from, to } = years;
  return { ...f, years: from !== null && to !== null && from > to ? { from: to, to: from } : { from, to } };
}

export const clearFilters = (): FilterState => ({ ...initialFilters(), hiddenNodeKinds: [] });

/** How many filters differ from "show everything". */
export function activeFilterCount(f: FilterState): number {
  return (
    f.hiddenNodeKinds.length +
    f.hiddenRelationKinds.length +
    f.countries.length +
    f.approaches.length +
    f.themes.length +
    f.networks.length +
    f.programs.length +
    (f.years.from !== null || f.years.to !== null ? 1 : 0)
  );
}
