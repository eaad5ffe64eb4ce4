import type { NodeFilter, NodeSort } from '../store/GraphStore.js';
import { BadUserInputError } from '../domain/errors.js';
import type { CommonFilter, InputMaybe, NodeSort as NodeSortInput } from '../generated/graphql.js';

type KindSpecific = {
  levels?: InputMaybe<readonly string[]>;
  orgTypes?: InputMaybe<readonly string[]>;
  scopes?: InputMaybe<readonly string[]>;
  types?: InputMaybe<readonly string[]>;
  statuses?: InputMaybe<readonly string[]>;
};

const list = <T>(x: InputMaybe<readonly T[]> | undefined): readonly T[] | undefined => (x && x.length > 0 ? x : undefined);

/** Turns a list filter argument into the store's NodeFilter, refusing values that cannot match anything. */
export function toNodeFilter(input: (CommonFilter & KindSpecific) | null | undefined): NodeFilter {
  if (!input) return {};
  const countries = list(input.countries);
  const bad = countries?.filter((c) => !/^[A-Z]{2}$/.test(c));
  if (bad && bad.length > 0) {
    throw new BadUserInputError(
      `countries must be ISO 3166-1 alpha-2 codes in capitals, such as "BE" or "SN" (got ${bad.map((c) => `"${c}"`).join(', ')}).`,
      'filter.countries',
    );
  }
  const years = input.years ?? undefined;
  const yearFrom = years?.from ?? undefined;
  const yearTo = years?.to ?? undefined;
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) {
    throw new BadUserInputError(`years.from (${yearFrom}) is after years.to (${yearTo}); swap them.`, 'filter.years');
  }
  return {
    countries,
    approachIds: list(input.approaches),
    themeIds: list(input.themes),
    networkIds: list(input.networks),
    programIds: list(input.programs),
    yearFrom,
    yearTo,
    levels: list(input.levels) as NodeFilter['levels'],
    orgTypes: list(input.orgTypes) as NodeFilter['orgTypes'],
    scopes: list(input.scopes) as NodeFilter['scopes'],
    partnershipTypes: list(input.types) as NodeFilter['partnershipTypes'],
    statuses: list(input.statuses),
  };
}

export function toNodeSort(input: NodeSortInput | null | undefined): NodeSort {
  return { field: input?.field ?? 'NAME', direction: input?.direction ?? 'ASC' };
}
