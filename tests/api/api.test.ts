import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { AtlasApp } from '../../server/src/app.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { gql, openApi } from '../helpers/api.js';
import { STORES } from '../helpers/storeFactories.js';

/** API behaviour on the small fixture graph, through the real Apollo server in-process, on every store. */
for (const factory of STORES)
  describe.skipIf(factory.skipReason !== undefined)(
    `GraphQL API on the ${factory.name} store${factory.skipReason ? ` (skipped: ${factory.skipReason})` : ''}`,
    () => {
      let app: AtlasApp;
      let closeStore = async () => {};
      beforeAll(async () => {
        const { store, close } = await factory.open();
        closeStore = close;
        await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
        app = await openApi(store);
      });
      afterAll(async () => {
        await app?.apollo.stop();
        await closeStore();
      });

      describe('the fields the explorer draws with', () => {
        it('relation(id): a relationship with its ends and sources; null for an unknown id', async () => {
          const { data, errors } = await gql(
            app,
            `{ known: relation(id: "roeselare--party-to--p-roes-tamba") { id kind source target role from { name } to { name } sources { quote } }
        unknown: relation(id: "no-such-relation") { id } }`,
          );
          expect(errors).toBeUndefined();
          expect(data.known).toEqual({
            id: 'roeselare--party-to--p-roes-tamba',
            kind: 'PARTY_TO',
            source: 'roeselare',
            target: 'p-roes-tamba',
            role: 'Flemish partner',
            from: { name: 'Roeselare' },
            to: { name: 'Roeselare - Tambacounda' },
            sources: [{ quote: 'fact 1' }],
          });
          expect(data.unknown).toBeNull();
        });

        it('relationsAmong: every relationship between the given nodes in one request', async () => {
          const { data, errors } = await gql(
            app,
            `{ relationsAmong(ids: ["roeselare", "p-roes-tamba", "tambacounda", "net-1"], kinds: [PARTY_TO, MEMBER_OF]) { id kind } }`,
          );
          expect(errors).toBeUndefined();
          expect(data.relationsAmong).toEqual([
            { id: 'roeselare--member-of--net-1', kind: 'MEMBER_OF' },
            { id: 'roeselare--party-to--p-roes-tamba', kind: 'PARTY_TO' },
            { id: 'tambacounda--party-to--p-roes-tamba', kind: 'PARTY_TO' },
          ]);
          const tooMany = await gql(app, `query ($ids: [ID!]!) { relationsAmong(ids: $ids) { id } }`, {
            ids: Array.from({ length: 2001 }, (_, i) => `n${i}`),
          });
          expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
        });

        it('nodeIds: only ids, by kind then id, filtered and paged', async () => {
          const first = await gql(
            app,
            `{ nodeIds(kinds: [MUNICIPALITY, NETWORK], filter: { countries: ["BE"] }, first: 3) { ids totalCount pageInfo { hasNextPage endCursor } } }`,
          );
          expect(first.errors).toBeUndefined();
          expect(first.data.nodeIds).toMatchObject({
            ids: ['liege', 'province-x', 'roeselare'],
            totalCount: 4,
            pageInfo: { hasNextPage: true },
          });
          const next = await gql(
            app,
            `query ($after: String) { nodeIds(kinds: [MUNICIPALITY, NETWORK], filter: { countries: ["BE"] }, first: 3, after: $after) { ids pageInfo { hasNextPage } } }`,
            { after: first.data.nodeIds.pageInfo.endCursor },
          );
          expect(next.data.nodeIds).toEqual({ ids: ['sint-niklaas'], pageInfo: { hasNextPage: false } });
          const networks = await gql(app, `{ nodeIds(kinds: [NETWORK]) { ids } }`);
          expect(networks.data.nodeIds.ids).toEqual(['net-1', 'net-2']);
          const tooBig = await gql(app, `{ nodeIds(first: 10001) { ids } }`);
          expect(tooBig.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|QUERY_TOO_COMPLEX/);
        });
      });

      describe('node', () => {
        it('resolves a node by id with its kind-specific fields and provenance', async () => {
          const { data, errors } = await gql(
            app,
            `{ node(id: "roeselare") { id kind name __typename sources { locator quote source { id name } }
        ... on Municipality { level countryCode country { name code } partnerships { id partnershipType since status parties { node { id } role } } } } }`,
          );
          expect(errors).toBeUndefined();
          expect(data.node).toMatchObject({
            id: 'roeselare',
            kind: 'MUNICIPALITY',
            __typename: 'Municipality',
            level: 'CITY',
            countryCode: 'BE',
            country: { name: 'Belgium', code: 'BE' },
          });
          expect(data.node.sources).toEqual([{ locator: 'a', quote: 'Roeselare', source: { id: 'fixture', name: 'Contract fixture' } }]);
          expect(data.node.partnerships.map((p: { id: string }) => p.id)).toEqual(['p-roes-graf', 'p-roes-tamba']);
          expect(data.node.partnerships[1]).toMatchObject({ partnershipType: 'CITY_TO_CITY', since: 2010, status: 'ACTIVE' });
          expect(data.node.partnerships[1].parties).toEqual([
            { node: { id: 'roeselare' }, role: 'Flemish partner' },
            { node: { id: 'tambacounda' }, role: 'Southern partner' },
          ]);
        });

        it('returns null for an unknown id', async () => {
          const { data, errors } = await gql(app, '{ node(id: "atlantis") { id } }');
          expect(errors).toBeUndefined();
          expect(data.node).toBeNull();
        });

        it("pages a node's relations with cursors", async () => {
          const q = `query($after: String) { node(id: "roeselare") { degree relations(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { direction node { id } relation { kind source target } } } } }`;
          const first = await gql(app, q);
          expect(first.data.node.degree).toBe(5);
          const page1 = first.data.node.relations;
          expect(page1.totalCount).toBe(5);
          expect(page1.edges.map((e: any) => e.relation.kind)).toEqual(['COORDINATES', 'LOCATED_IN']);
          expect(page1.edges[0]).toMatchObject({
            direction: 'OUT',
            node: { id: 'proj-2' },
            relation: { source: 'roeselare', target: 'proj-2' },
          });
          const second = await gql(app, q, { after: page1.pageInfo.endCursor });
          expect(second.data.node.relations.edges.map((e: any) => e.node.id)).toEqual(['net-1', 'p-roes-graf']);
        });

        it('shows money, members and approach ratings', async () => {
          const { data } = await gql(
            app,
            `{
        p: node(id: "prog-1") { ... on FundingProgram { startYear endYear money { amount amountMax currency period } } }
        n: node(id: "net-1") { ... on Network { memberCount memberCountQualifier members { id } } }
        a: node(id: "approach-tw") { ... on Approach { number ratings { feature label printedLabel printed score } cases { id } } }
      }`,
          );
          expect(data.p).toEqual({
            startYear: 2022,
            endYear: 2026,
            money: { amount: 30000, amountMax: 40000, currency: 'EUR', period: 'PER_YEAR' },
          });
          expect(data.n).toEqual({ memberCount: 2000, memberCountQualifier: 'ALMOST', members: [{ id: 'liege' }, { id: 'roeselare' }] });
          expect(data.a.cases).toEqual([{ id: 'p-roes-graf' }]);
          expect(data.a.ratings[0]).toEqual({
            feature: 'GOVERNANCE_STRENGTHENING',
            label: 'Contribution to governance strengthening',
            printedLabel: 'Contrbution to governance strengthening',
            printed: '-',
            score: 0,
          });
          expect(data.a.ratings[3]).toMatchObject({ printed: '1', score: null });
        });
      });

      describe('search', () => {
        it('is a relevance-ranked connection', async () => {
          const { data } = await gql(
            app,
            '{ search(text: "roes", first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { score cursor node { id } } } }',
          );
          expect(data.search.totalCount).toBe(5);
          expect(data.search.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
          expect(data.search.edges.map((e: any) => [e.node.id, e.score])).toEqual([
            ['school-b', 81],
            ['roeselare', 81],
          ]);
        });

        it('continues after a cursor and filters by kind', async () => {
          const first = await gql(app, '{ search(text: "roes", first: 3) { pageInfo { endCursor } } }');
          const next = await gql(
            app,
            'query($a: String) { search(text: "roes", first: 3, after: $a) { pageInfo { hasPreviousPage hasNextPage } edges { node { id } } } }',
            { a: first.data.search.pageInfo.endCursor },
          );
          expect(next.data.search.edges.map((e: any) => e.node.id)).toEqual(['p-roes-tamba', 'province-x']);
          expect(next.data.search.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
          const kinds = await gql(app, '{ search(text: "roes", kinds: [PARTNERSHIP]) { edges { node { id } } } }');
          expect(kinds.data.search.edges.map((e: any) => e.node.id)).toEqual(['p-roes-graf', 'p-roes-tamba']);
        });
      });

      describe('lists', () => {
        it('filter, sort and page municipalities', async () => {
          const { data } = await gql(
            app,
            `{ municipalities(filter: { countries: ["BE"], approaches: ["approach-c2c"] }, sort: { field: DEGREE, direction: DESC }, first: 1) {
        totalCount pageInfo { hasNextPage } edges { node { id degree } } } }`,
          );
          expect(data.municipalities).toEqual({
            totalCount: 2,
            pageInfo: { hasNextPage: true },
            edges: [{ node: { id: 'roeselare', degree: 5 } }],
          });
        });

        it('filter partnerships by type, status and years', async () => {
          const { data } = await gql(
            app,
            `{
        a: partnerships(filter: { types: [CITY_TO_CITY] }, sort: { field: YEAR }) { edges { node { id since } } }
        b: partnerships(filter: { statuses: [ENDED] }) { edges { node { id until } } }
        c: partnerships(filter: { years: { from: 2008 } }) { edges { node { id } } }
      }`,
          );
          expect(data.a.edges.map((e: any) => e.node.id)).toEqual(['p-sint-tamba', 'p-roes-tamba']);
          expect(data.b.edges).toEqual([{ node: { id: 'p-sint-tamba', until: 2005 } }]);
          expect(data.c.edges.map((e: any) => e.node.id)).toEqual(['p-roes-tamba']);
        });

        it('lists organisations, networks, programmes, projects, themes, SDGs, countries and sources', async () => {
          const { data } = await gql(
            app,
            `{
        organizations(filter: { orgTypes: [NGO] }) { totalCount }
        networks(filter: { scopes: [GLOBAL] }) { edges { node { id } } }
        fundingPrograms { totalCount }
        projects(filter: { statuses: [COMPLETED] }) { edges { node { id status countryCode } } }
        themes(filter: { approaches: ["approach-c2c"] }) { totalCount }
        sdgs { edges { node { number } } }
        countries { edges { node { code } } }
        sources { edges { node { sourceType } } }
      }`,
          );
          expect(data).toEqual({
            organizations: { totalCount: 1 },
            networks: { edges: [{ node: { id: 'net-2' } }] },
            fundingPrograms: { totalCount: 1 },
            projects: { edges: [{ node: { id: 'proj-1', status: 'COMPLETED', countryCode: 'SN' } }] },
            themes: { totalCount: 0 },
            sdgs: { edges: [{ node: { number: 16 } }] },
            countries: { edges: [{ node: { code: 'BE' } }, { node: { code: 'DE' } }, { node: { code: 'SN' } }] },
            sources: { edges: [{ node: { sourceType: 'DATASET' } }] },
          });
        });
      });

      describe('neighborhood', () => {
        it('returns a drawable subgraph', async () => {
          const { data, errors } = await gql(
            app,
            `{ neighborhood(ids: ["roeselare"], depth: 2, filter: { relationKinds: [PARTY_TO] }) {
        truncated nodes { id kind name } edges { id kind source target role sources { quote } } } }`,
          );
          expect(errors).toBeUndefined();
          expect(data.neighborhood.truncated).toBe(false);
          expect(data.neighborhood.nodes.map((n: any) => n.id)).toEqual([
            'roeselare',
            'p-roes-graf',
            'p-roes-tamba',
            'grafenhainichen',
            'tambacounda',
          ]);
          expect(data.neighborhood.edges).toContainEqual({
            id: 'roeselare--party-to--p-roes-tamba',
            kind: 'PARTY_TO',
            source: 'roeselare',
            target: 'p-roes-tamba',
            role: 'Flemish partner',
            sources: [{ quote: 'fact 1' }],
          });
        });

        it('says truncated when the limit cuts', async () => {
          const { data } = await gql(app, '{ neighborhood(ids: ["roeselare"], depth: 2, limit: 3) { truncated nodes { id } } }');
          expect(data.neighborhood).toEqual({ truncated: true, nodes: [{ id: 'roeselare' }, { id: 'country-be' }, { id: 'net-1' }] });
        });
      });

      it('lists the approaches in chapter order with ratings, and the stats', async () => {
        const { data } = await gql(
          app,
          '{ approaches { number name ratings { printed } } stats { nodeCount relationCount nodesByKind { kind count } } }',
        );
        expect(data.approaches.map((a: any) => a.number)).toEqual([1, 2]);
        expect(data.approaches[0].ratings.map((r: any) => r.printed).join(' ')).toBe('+++ +++ +++ ++ +++ ++ +++ +++');
        expect(data.stats.nodeCount).toBe(26);
        expect(data.stats.relationCount).toBe(33);
        expect(data.stats.nodesByKind).toContainEqual({ kind: 'MUNICIPALITY', count: 7 });
      });

      describe('errors', () => {
        const codeOf = async (query: string, variables?: Record<string, unknown>) => {
          const { errors } = await gql(app, query, variables);
          expect(errors, query).toBeDefined();
          expect(JSON.stringify(errors)).not.toMatch(/stacktrace|\.ts:\d+/);
          return { code: errors![0]!.extensions?.code, message: errors![0]!.message };
        };

        it('refuses page sizes and depths beyond the limits with BAD_USER_INPUT and a fix', async () => {
          expect(await codeOf('{ search(text: "a", first: 1000) { totalCount } }')).toEqual({
            code: 'BAD_USER_INPUT',
            message: '"first" must be between 1 and 100 (got 1000); fetch more with the "after" cursor.',
          });
          expect((await codeOf('{ municipalities(first: 0) { totalCount } }')).code).toBe('BAD_USER_INPUT');
          expect((await codeOf('{ neighborhood(ids: ["roeselare"], depth: 4) { truncated } }')).message).toMatch(/depth.*between 1 and 3/);
          expect((await codeOf('{ neighborhood(ids: ["roeselare"], limit: 5000) { truncated } }')).code).toBe('BAD_USER_INPUT');
          expect((await codeOf('{ neighborhood(ids: []) { truncated } }')).code).toBe('BAD_USER_INPUT');
        });

        it('refuses bad cursors, countries and year ranges with BAD_USER_INPUT', async () => {
          expect((await codeOf('{ search(text: "roes", after: "garbage") { totalCount } }')).message).toMatch(/endCursor/);
          expect((await codeOf('{ municipalities(filter: { countries: ["Belgium"] }) { totalCount } }')).message).toMatch(
            /ISO 3166-1 alpha-2/,
          );
          expect((await codeOf('{ partnerships(filter: { years: { from: 2020, to: 2010 } }) { totalCount } }')).code).toBe(
            'BAD_USER_INPUT',
          );
        });

        it('answers NOT_FOUND naming the unknown ids in a neighbourhood', async () => {
          const { errors } = await gql(app, '{ neighborhood(ids: ["roeselare", "atlantis"]) { truncated } }');
          expect(errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND', ids: ['atlantis'] } });
          expect(errors![0]!.message).toMatch(/"atlantis".*search/);
        });

        it('refuses queries that are too deep or too expensive', async () => {
          const deep =
            '{ node(id: "roeselare") { relations { edges { node { relations { edges { node { relations { edges { node { relations { edges { node { id } } } } } } } } } } } } } }';
          expect((await codeOf(deep)).code).toBe('GRAPHQL_VALIDATION_FAILED');
          const wide =
            '{ search(text: "r", first: 100) { edges { node { relations(first: 100) { edges { node { relations(first: 100) { totalCount } } } } } } } }';
          expect(await codeOf(wide)).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
        });

        it('reports an unknown enum value as a validation error, not a crash', async () => {
          expect((await codeOf('{ search(text: "a", kinds: [CASTLE]) { totalCount } }')).code).toBe('GRAPHQL_VALIDATION_FAILED');
        });
      });

      describe('over HTTP', () => {
        let base: string;
        let close: () => void;
        beforeAll(async () => {
          const server = app.http.listen(0, '127.0.0.1');
          await new Promise((resolve) => server.once('listening', resolve));
          base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
          close = () => server.close();
        });
        afterAll(() => close());

        it('serves GraphiQL at /graphql to a browser, from local assets only', async () => {
          const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
          expect(page.status).toBe(200);
          const html = await page.text();
          expect(html).toContain('GraphiQL');
          const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
          expect(urls.length).toBeGreaterThanOrEqual(4);
          for (const url of urls) {
            expect(url.startsWith('/')).toBe(true);
            expect((await fetch(`${base}${url}`)).status).toBe(200);
          }
        });

        it('answers POST /graphql with JSON and has a health check', async () => {
          const res = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ stats { nodeCount } }' }),
          });
          expect(await res.json()).toEqual({ data: { stats: { nodeCount: 26 } } });
          expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok', store: factory.name });
        });
      });
    },
  );
