import fc from 'fast-check';
import type { GraphNode, GraphRelation, NodeKind, RelationKind } from '../../server/src/domain/model.js';

const SOURCES = [{ source: 'random', locator: 'generated', quote: 'random graph' }];

/**
 * Random small cooperation graphs for property-based tests: municipalities (with countries and
 * names that collide after normalisation), organisations, networks, programmes, projects, themes,
 * approaches and partnerships, joined by relationships of the kinds the domain allows.
 */
export const randomGraph = fc
  .record({
    municipalities: fc.integer({ min: 2, max: 9 }),
    organizations: fc.integer({ min: 0, max: 4 }),
    networks: fc.integer({ min: 0, max: 3 }),
    programs: fc.integer({ min: 0, max: 2 }),
    projects: fc.integer({ min: 0, max: 3 }),
    themes: fc.integer({ min: 0, max: 3 }),
    partnerships: fc.integer({ min: 0, max: 6 }),
    picks: fc.array(fc.nat(), { minLength: 120, maxLength: 120 }),
    extra: fc.integer({ min: 0, max: 25 }),
  })
  .map((spec) => {
    let cursor = 0;
    const pick = <T>(items: readonly T[]): T => items[spec.picks[cursor++ % spec.picks.length]! % items.length]!;
    const nodes: GraphNode[] = [
      { id: 'random', kind: 'SOURCE', name: 'Random', altNames: [], names: [], sourceType: 'DATASET', sources: SOURCES },
    ];
    const add = (kind: NodeKind, count: number, prefix: string, extra: Partial<GraphNode> = {}) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const id = `${prefix}-${i}`;
        ids.push(id);
        nodes.push({ id, kind, name: `${prefix} ${i % 3}`, altNames: [], names: [], sources: SOURCES, ...extra });
      }
      return ids;
    };
    const countries = ['BE', 'SN', 'BJ'];
    for (const code of countries)
      nodes.push({ id: `country-${code.toLowerCase()}`, kind: 'COUNTRY', name: code, code, altNames: [], names: [], sources: SOURCES });
    const municipalities = add('MUNICIPALITY', spec.municipalities, 'm', { level: 'CITY' });
    municipalities.forEach((id, i) => (nodes.find((n) => n.id === id)!.country = countries[i % 3]));
    const organizations = add('ORGANIZATION', spec.organizations, 'o', { orgType: 'NGO', country: 'BE' });
    const networks = add('NETWORK', spec.networks, 'n');
    const programs = add('FUNDING_PROGRAM', spec.programs, 'f');
    const projects = add('PROJECT', spec.projects, 'p', { status: 'UNKNOWN' });
    const themes = add('THEME', spec.themes, 't');
    const approaches = add('APPROACH', 2, 'a');
    const partnerships = add('PARTNERSHIP', spec.partnerships, 'x', { partnershipType: 'TWINNING', status: 'UNKNOWN' });

    const relations: GraphRelation[] = [];
    const seen = new Set<string>();
    const relate = (kind: RelationKind, from: string, to: string) => {
      const id = `${from}--${kind.toLowerCase()}--${to}`;
      if (from === to || seen.has(id)) return;
      seen.add(id);
      relations.push({ id, kind, from, to, sources: SOURCES });
    };
    const actors = [...municipalities, ...organizations];
    for (const x of partnerships) {
      relate('PARTY_TO', pick(municipalities), x);
      relate('PARTY_TO', pick(actors), x);
      if (approaches.length > 0) relate('EXEMPLIFIES', x, pick(approaches));
    }
    for (let i = 0; i < spec.extra; i++) {
      const choice = pick([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      if (choice === 0 && networks.length > 0) relate('MEMBER_OF', pick(actors), pick(networks));
      if (choice === 1 && projects.length > 0) relate('PARTICIPATES_IN', pick(actors), pick(projects));
      if (choice === 2 && programs.length > 0) relate('FUNDS', pick(programs), pick([...projects, ...partnerships, ...municipalities]));
      if (choice === 3 && themes.length > 0)
        relate('ADDRESSES_THEME', pick([...projects, ...partnerships, ...municipalities]), pick(themes));
      if (choice === 4) relate('COLLABORATES_WITH', pick(actors), pick(actors));
      if (choice === 5 && projects.length > 0) relate('EXEMPLIFIES', pick(projects), pick(approaches));
      if (choice === 6) relate('LOCATED_IN', pick(organizations.length > 0 ? organizations : municipalities), pick(municipalities));
      if (choice === 7 && partnerships.length > 1) relate('COLLABORATES_WITH', pick(partnerships), pick(partnerships));
      if (choice === 8 && projects.length > 0) relate('COORDINATES', pick(municipalities), pick(projects));
    }
    return { nodes, relations };
  });
