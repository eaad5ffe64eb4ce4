import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, initialState, type AppState } from '../../../client/src/state/url.js';

const rich = (): AppState => ({
  view: {
    focus: 'roeselare',
    expanded: [
      { id: 'roeselare', kinds: null },
      { id: 'vvsg', kinds: ['MEMBER_OF', 'PARTY_TO'] },
      { id: 'odd~id, with=chars&more', kinds: null },
      { id: 'france', kinds: ['LOCATED_IN'] },
    ],
    showAll: false,
    pinned: ['leuven', 'odd~id@12'],
  },
  filters: {
    hiddenNodeKinds: ['COUNTRY', 'THEME'],
    hiddenRelationKinds: ['LOCATED_IN'],
    countries: ['BE', 'BJ'],
    approaches: ['approach-twinning'],
    themes: ['water'],
    networks: ['platforma'],
    programs: ['fico'],
    years: { from: 2005, to: 2015 },
  },
  display: { layout: 'concentric', partnerships: 'edges', sizeByDegree: false, panel: 'list', groupBy: 'NETWORK' },
  selection: { type: 'edge', id: 'roeselare--member-of--vvsg' },
  peers: {
    metric: 'ADAMIC_ADAR',
    weighting: 'EQUAL',
    bases: ['PARTNER_MUNICIPALITIES', 'NETWORKS'],
    countries: ['BE', 'NL'],
    levels: ['CITY'],
    excludeDirectTies: true,
  },
  lang: 'nl',
});

describe('URL state', () => {
  it("keeps the peers panel's settings, and reads unknown ones as the initial settings", () => {
    const search = encodeState(rich());
    expect(new URLSearchParams(search).getAll('pc')).toEqual(['BE', 'NL']);
    expect(new URLSearchParams(search).get('pb')).toBe('PARTNER_MUNICIPALITIES.NETWORKS');
    expect(decodeState(search).peers).toEqual(rich().peers);
    expect(decodeState('pm=NOPE&pw=HEAVY&pb=THEMES.FOO&pc=belgium&pl=VILLAGE&pt=yes').peers).toEqual({
      ...initialState().peers,
      bases: ['THEMES'],
    });
  });

  it('writes nothing for the initial state, and reads nothing back as the initial state', () => {
    expect(encodeState(initialState())).toBe('');
    expect(decodeState('')).toEqual(initialState());
  });

  it('carries the language: ?lang= wins, else the detected one; English, the default, is not written', () => {
    expect(new URLSearchParams(encodeState(rich())).get('lang')).toBe('nl');
    expect(encodeState({ ...initialState(), lang: 'en' })).toBe('');
    expect(encodeState({ ...initialState(), lang: 'fr' })).toBe('lang=fr');
    expect(decodeState('lang=fr').lang).toBe('fr');
    expect(decodeState('lang=fr', 'nl').lang).toBe('fr');
    expect(decodeState('', 'nl').lang).toBe('nl');
    expect(decodeState('lang=de', 'nl').lang).toBe('nl');
    expect(decodeState('lang=FR').lang).toBe('en');
  });

  it('round-trips a view with every part set', () => {
    const s = rich();
    expect(decodeState(encodeState(s))).toEqual(s);
    expect(decodeState(`?${encodeState(s)}`)).toEqual(s);
  });

  it('round-trips open year ranges and an empty set of hidden kinds', () => {
    const s = initialState();
    s.filters.years = { from: null, to: 2010 };
    s.filters.hiddenNodeKinds = [];
    const search = encodeState(s);
    expect(search).toContain('hide=');
    expect(decodeState(search)).toEqual(s);
    s.filters.years = { from: 1999, to: null };
    expect(decodeState(encodeState(s))).toEqual(s);
  });

  it('keeps the order of expansions, which is the order the user opened them', () => {
    const s = rich();
    const order = decodeState(encodeState(s)).view.expanded.map((e) => e.id);
    expect(order).toEqual(['roeselare', 'vvsg', 'odd~id, with=chars&more', 'france']);
  });

  it('is readable: ids and kinds appear as they are', () => {
    const search = encodeState(rich());
    expect(search).toContain('focus=roeselare');
    expect(search).toContain('x=vvsg%7EMEMBER_OF.PARTY_TO');
    expect(search).toContain('x=france%7ELOCATED_IN&');
    expect(search).toContain('pin=leuven');
    expect(search).toContain('layout=concentric');
  });

  it('ignores what it cannot read instead of failing', () => {
    const s = decodeState('?layout=spiral&hide=NOT_A_KIND.COUNTRY&rels=NOPE&country=Belgium&years=abc&sel=weird&pship=sideways&x=&size=7');
    const base = initialState();
    expect(s.display).toEqual(base.display);
    expect(s.filters.hiddenNodeKinds).toEqual(['COUNTRY']);
    expect(s.filters.hiddenRelationKinds).toEqual([]);
    expect(s.filters.countries).toEqual([]);
    expect(s.filters.years).toEqual({ from: null, to: null });
    expect(s.selection).toBeNull();
    expect(s.view.expanded).toEqual([]);
  });

  it("opens an older link's expansion with its drawn count (x=ID~KINDS@N) as the expansion, drawing the budget", () => {
    const s = decodeState('?focus=roeselare&x=roeselare~%40250&x=france~LOCATED_IN%40200&x=odd~id%4012&all=0');
    expect(s.view.expanded).toEqual([
      { id: 'roeselare', kinds: null },
      { id: 'france', kinds: ['LOCATED_IN'] },
      { id: 'odd~id@12', kinds: null },
    ]);
    expect(encodeState(s)).toBe('focus=roeselare&x=roeselare&x=france%7ELOCATED_IN&x=odd%7Eid%4012&all=0');
  });

  it('swaps an inverted year range and drops duplicate expansions', () => {
    const s = decodeState('?years=2015-2005&x=a&x=a~MEMBER_OF');
    expect(s.filters.years).toEqual({ from: 2005, to: 2015 });
    expect(s.view.expanded).toEqual([{ id: 'a', kinds: null }]);
  });

  it('round-trips the map view with a selection, and reads view=map as the map too', () => {
    const s = {
      ...initialState(),
      display: { ...initialState().display, panel: 'map' as const },
      selection: { type: 'node' as const, id: 'leuven-be' },
    };
    expect(encodeState(s)).toBe('panel=map&sel=node%3Aleuven-be');
    expect(decodeState(encodeState(s))).toEqual(s);
    expect(decodeState('?view=map').display.panel).toBe('map');
  });
});
