import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { AtlasApp } from '../../server/src/app.js';
import type { GraphAdapter } from '../../server/src/store/ports.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { gql, openApi } from '../helpers/api.js';
import { neo4jTarget, openSharedNeo4jStore, type SharedNeo4jStore } from '../setup/neo4j.js';

/**
 * Questions the second curation pass made answerable (issue 15), through the real API on the
 * seed graph, on both stores: a founder, the countries a programme is active in, a place below a
 * municipality, the funding for an approach, an award's winners and a derived fact.
 */
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

function questions(name: string, open: () => Promise<{ store: GraphAdapter; close(): Promise<void> }>) {
  describe(`seed graph questions (${name})`, () => {
    let app: AtlasApp;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const opened = await open();
      close = opened.close;
      await seedStore(opened.store);
      app = await openApi(opened.store);
    });
    afterAll(async () => {
      await app?.apollo.stop();
      await close?.();
    });

    it('names the founder of Elasha and of COOMIAP: the same person, with the quote', async () => {
      const { data, errors } = await gql(
        app,
        `{
        elasha: node(id: "elasha") { relations(kinds: [FOUNDED_BY], direction: OUT) { edges { node { id kind name } relation { sources { quote } } } } }
        emile: node(id: "emile-elasha") { kind ... on Person { founded { id } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data.elasha.relations.edges).toEqual([
        {
          node: { id: 'emile-elasha', kind: 'PERSON', name: 'Emile Elasha' },
          relation: {
            sources: expect.arrayContaining([
              expect.objectContaining({ quote: 'Elasha is a non-profit organization founded by Emile Elasha' }),
            ]),
          },
        },
      ]);
      expect(data.emile.kind).toBe('PERSON');
      expect(ids(data.emile.founded)).toEqual(['coomiap', 'elasha']);
    });

    it('lists the countries a call is active in, with its length as a property', async () => {
      const { data, errors } = await gql(
        app,
        `{ node(id: "vvsg-sdg-partnerships") { ... on FundingProgram { activeIn { id kind } duration { value max unit } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(ids(data.node.activeIn)).toEqual(['country-bj', 'country-rw']);
      expect(data.node.duration).toEqual({ value: 2, max: null, unit: 'YEAR' });
    });

    it('finds a place below a municipality, and the places a locality lies in', async () => {
      const { data, errors } = await gql(
        app,
        `{
        dept: node(id: "pas-de-calais") { ... on Municipality { level places { id placeType } } }
        lyamba: node(id: "lyamba") { ... on Place { placeType within { id kind } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data.dept).toEqual({ level: 'DEPARTMENT', places: [{ id: 'audruicq-region', placeType: 'REGION' }] });
      expect(data.lyamba).toEqual({ placeType: 'LOCALITY', within: [{ id: 'central-kasai', kind: 'PLACE' }] });
    });

    it('lists the funding for an approach apart from its cases', async () => {
      const { data, errors } = await gql(
        app,
        `{ node(id: "short-term-expertise-exchange") { ... on Approach { funding { id kind } cases { id } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(ids(data.node.funding)).toEqual(['amif', 'taiex', 'vvsg-sdg-partnerships']);
      const cases = ids(data.node.cases);
      expect(cases).toEqual(expect.arrayContaining(['orient-8', 'unites', 'vvsg-sdg-partnerships']));
      expect(cases).not.toContain('amif');
      expect(cases).not.toContain('taiex');
    });

    it('names the winners of the PLATFORMAwards with the year, and marks a derived membership as derived', async () => {
      const { data, errors } = await gql(
        app,
        `{
        award: node(id: "platformawards") { kind ... on Award { winners { node { id } year } } }
        mol: node(id: "mol") { relations(kinds: [MEMBER_OF], direction: OUT) { edges { node { id } relation { sources { quote derived } } } } }
        mechelen: node(id: "mechelen") { sources { derived } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data.award.kind).toBe('AWARD');
      expect(data.award.winners.map((w: { node: { id: string }; year: number }) => [w.node.id, w.year]).sort()).toEqual([
        ['dogbo', 2018],
        ['roeselare', 2018],
      ]);
      const vvsg = data.mol.relations.edges.find((e: { node: { id: string } }) => e.node.id === 'vvsg');
      expect(vvsg.relation.sources).toEqual([{ quote: 'All 300 municipalities in Flanders are members', derived: true }]);
      expect(data.mechelen.sources.every((s: { derived: boolean }) => s.derived === false)).toBe(true);
    });
  });
}

questions('embedded', async () => ({ store: new MemoryGraphStore(), close: async () => {} }));

const target = neo4jTarget();
if (target.uri) {
  questions(`Neo4j (${target.uri})`, async () => {
    const shared: SharedNeo4jStore = await openSharedNeo4jStore();
    await shared.store.clear();
    return { store: shared.store, close: () => shared.release() };
  });
} else {
  describe.skip(`seed graph questions: Neo4j (skipped: ${target.skipReason})`, () => {
    it('runs against a real Neo4j server', () => {});
  });
}
