import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AtlasApp } from '../../server/src/app.js';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { GraphAdapter } from '../../server/src/store/ports.js';
import { gql, openApi } from '../helpers/api.js';
import { STORES } from '../helpers/storeFactories.js';

const QUERY = `{ recommendApproaches(wishes: [{ feature: BUDGET, max: 2 }]) { approach { id } cases { id } networks { id } programs { id } } }`;

/**
 * The reference: each approach's surroundings walked one store call at a time through the port's
 * paged `relations` (what the resolver did before it was batched): cases in `relations` order,
 * networks and programmes around the approach by id.
 */
async function walked(store: GraphAdapter, approachId: string) {
  const all = async (nodeId: string, direction: 'IN' | 'BOTH', kinds?: ('EXEMPLIFIES' | 'FUNDING_FOR')[]) =>
    (await store.relations({ nodeId, direction, kinds, first: 100_000, offset: 0 })).items.map((e) => e.other);
  const cases = await all(approachId, 'IN', ['EXEMPLIFIES']);
  const around = new Map((await all(approachId, 'IN', ['FUNDING_FOR'])).map((n) => [n.id, n]));
  for (const c of cases) for (const n of await all(c.id, 'BOTH')) around.set(n.id, n);
  const ids = (kind: string) =>
    [...around.values()]
      .filter((n) => n.kind === kind)
      .map((n) => ({ id: n.id }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { cases: cases.map((c) => ({ id: c.id })), networks: ids('NETWORK'), programs: ids('FUNDING_PROGRAM') };
}

for (const factory of STORES)
  describe.skipIf(factory.skipReason !== undefined)(
    `recommendApproaches on the ${factory.name} store${factory.skipReason ? ` (skipped: ${factory.skipReason})` : ''}`,
    () => {
      let app: AtlasApp;
      let store: GraphAdapter;
      let close = async () => {};
      beforeAll(async () => {
        ({ store, close } = await factory.open());
        await seedStore(store);
        app = await openApi(store);
      });
      afterAll(async () => {
        await app.apollo.stop();
        await close();
      });

      it("answers each approach's cases, networks and programmes as walking its relations one by one does", async () => {
        const { data, errors } = await gql(app, QUERY);
        expect(errors).toBeUndefined();
        const ranked = data.recommendApproaches as { approach: { id: string } }[];
        expect(ranked).toHaveLength(8);
        const withCases = ranked.filter((r) => (r as unknown as { cases: unknown[] }).cases.length > 0);
        expect(withCases.length).toBeGreaterThan(0);
        for (const r of ranked) expect(r).toEqual({ approach: r.approach, ...(await walked(store, r.approach.id)) });
      });

      it('asks the store a fixed number of times, whatever the number of approaches and cases', async () => {
        const calls: string[] = [];
        const methods = ['listNodes', 'relations', 'relationsOfNodes', 'getNodes', 'neighborhood', 'relationsAmong'] as const;
        const spies = methods.map((m) =>
          vi
            .spyOn(store, m as 'getNodes')
            .mockImplementation(
              (...args: unknown[]) =>
                (calls.push(m), (Object.getPrototypeOf(store)[m] as (...a: unknown[]) => unknown).apply(store, args)) as never,
            ),
        );
        try {
          const { errors } = await gql(app, QUERY);
          expect(errors).toBeUndefined();
        } finally {
          for (const s of spies) s.mockRestore();
        }
        // The approaches (one page), their relations, their cases' relations, the nodes at the ends.
        expect(calls).toEqual(['listNodes', 'relationsOfNodes', 'relationsOfNodes', 'getNodes']);
      });
    },
  );
