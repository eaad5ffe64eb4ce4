import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { AtlasApp } from '../../server/src/app.js';
import type { GraphNode } from '../../server/src/domain/model.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { gql, openApi } from '../helpers/api.js';
import { STORES } from '../helpers/storeFactories.js';

const cite = (locator: string, quote: string) => [{ source: 'fixture', locator, quote }];
const BELGIUM_NAMES = [
  { lang: 'fr', text: 'Belgique', sources: cite('translations.fra.common', '"common": "Belgique"') },
  { lang: 'nl', text: 'België', sources: cite('translations.nld.common', '"common": "België"') },
];
const WATER: GraphNode = {
  id: 'waterbeheer',
  kind: 'THEME',
  name: 'Waterbeheer',
  altNames: [],
  names: [
    { lang: 'en', text: 'Water management', sources: cite('themes', 'water management') },
    { lang: 'fr', text: "Gestion de l'eau", sources: cite('themes', "gestion de l'eau") },
  ],
  sources: cite('themes', 'Waterbeheer'),
};

/** Names per language through the API, on every store: name(lang:), Accept-Language, names with sources. */
for (const factory of STORES)
  describe.skipIf(factory.skipReason !== undefined)(
    `Names per language on the ${factory.name} store${factory.skipReason ? ` (skipped: ${factory.skipReason})` : ''}`,
    () => {
      let app: AtlasApp;
      let server: Server;
      let base: string;
      let closeStore = async () => {};
      beforeAll(async () => {
        const { store, close } = await factory.open();
        closeStore = close;
        await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
        const [belgium] = await store.getNodes(['country-be']);
        await store.bulkUpsert({ nodes: [{ ...belgium!, names: BELGIUM_NAMES }, WATER], relations: [] });
        app = await openApi(store);
        server = await new Promise<Server>((resolve) => {
          const s = app.http.listen(0, '127.0.0.1', () => resolve(s));
        });
        base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      });
      afterAll(async () => {
        await new Promise<void>((r) => server?.close(() => r()));
        await app?.apollo.stop();
        await closeStore();
      });

      const post = async (query: string, acceptLanguage?: string) => {
        const response = await fetch(base, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
          body: JSON.stringify({ query }),
        });
        return (await response.json()) as { data?: Record<string, { name: string }>; errors?: unknown[] };
      };
      const nameOf = async (id: string, acceptLanguage?: string) =>
        (await post(`{ node(id: "${id}") { name } }`, acceptLanguage)).data!.node!.name;

      it('serves the name in the language asked, then English, then the stored name', async () => {
        const { data, errors } = await gql(
          app,
          `{ be: node(id: "country-be") { nl: name(lang: "nl") fr: name(lang: "fr-BE") de: name(lang: "de") plain: name }
             water: node(id: "waterbeheer") { fr: name(lang: "FR") de: name(lang: "de") plain: name }
             germany: node(id: "country-de") { nl: name(lang: "nl") } }`,
        );
        expect(errors).toBeUndefined();
        expect(data).toEqual({
          be: { nl: 'België', fr: 'Belgique', de: 'Belgium', plain: 'Belgium' },
          water: { fr: "Gestion de l'eau", de: 'Water management', plain: 'Water management' },
          germany: { nl: 'Germany' },
        });
      });

      it('lists the names per language with their sources', async () => {
        const { data } = await gql(app, '{ node(id: "country-be") { names { lang text sources { source { id } locator quote } } } }');
        expect(data.node.names).toEqual([
          {
            lang: 'fr',
            text: 'Belgique',
            sources: [{ source: { id: 'fixture' }, locator: 'translations.fra.common', quote: '"common": "Belgique"' }],
          },
          {
            lang: 'nl',
            text: 'België',
            sources: [{ source: { id: 'fixture' }, locator: 'translations.nld.common', quote: '"common": "België"' }],
          },
        ]);
        expect((await gql(app, '{ node(id: "country-de") { names { lang } } }')).data.node.names).toEqual([]);
      });

      it('refuses a lang that is not a language tag', async () => {
        const { errors } = await gql(app, '{ node(id: "country-be") { name(lang: "1; drop") } }');
        expect(errors![0]).toMatchObject({
          message: expect.stringMatching(/"lang" must be a language tag such as "nl"/),
          extensions: { code: 'BAD_USER_INPUT' },
        });
      });

      it("follows the request's Accept-Language by q-value, q=0 meaning not wanted; lang: overrides it", async () => {
        expect(await nameOf('country-be', 'de, nl;q=0.9, fr;q=0.8')).toBe('België');
        expect(await nameOf('country-be', 'nl;q=0.3, fr-BE;q=0.7')).toBe('Belgique');
        expect(await nameOf('country-be', 'nl;q=0, fr')).toBe('Belgique');
        expect(await nameOf('country-be', 'de')).toBe('Belgium');
        expect(await nameOf('country-be', '*')).toBe('Belgium');
        expect(await nameOf('waterbeheer', 'nl')).toBe('Water management');
        expect(await nameOf('waterbeheer')).toBe('Water management');
        expect((await post('{ node(id: "country-be") { name(lang: "fr") } }', 'nl')).data!.node!.name).toBe('Belgique');
      });

      it('finds a node by its name in any language', async () => {
        for (const text of ['Belgique', 'België', 'belgie']) {
          const { data } = await gql(app, `{ search(text: "${text}") { edges { score node { id } } } }`);
          expect(data.search.edges).toEqual([{ score: 101, node: { id: 'country-be' } }]);
        }
      });

      it('tags GET answers per language: Vary names Accept-Language, and each list of languages has its ETag', async () => {
        const get = (acceptLanguage: string, etag?: string) =>
          fetch(`${base}?query=${encodeURIComponent('{ node(id: "country-be") { name } }')}`, {
            headers: { 'apollo-require-preflight': 'true', 'accept-language': acceptLanguage, ...(etag ? { 'if-none-match': etag } : {}) },
          });
        const dutch = await get('nl');
        expect(dutch.headers.get('vary')).toMatch(/Accept-Language/);
        expect((await dutch.json()).data.node.name).toBe('België');
        const etag = dutch.headers.get('etag')!;
        expect((await get('nl-BE', etag)).status).toBe(304);
        const french = await get('fr', etag);
        expect(french.status).toBe(200);
        expect((await french.json()).data.node.name).toBe('Belgique');
        expect(french.headers.get('etag')).not.toBe(etag);
      });
    },
  );
