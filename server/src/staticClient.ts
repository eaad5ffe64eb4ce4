import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';

/** Where `npm run build:client` writes the explorer. */
export const CLIENT_DIST = new URL('../../client/dist', import.meta.url).pathname;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cooperation Atlas</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">
<h1>Cooperation Atlas</h1>
<p>The explorer is not built yet: run <code>npm run build</code> (or <code>npm start</code>, which builds it when needed), then reload this page.</p>
<p>The GraphQL API and GraphiQL are already at <a href="/graphql">/graphql</a>.</p>
</body></html>`;

/** Pages of the explorer are paths without a file extension; a path naming a file that is not there is a 404. */
const PAGE_PATH = /^\/(?!graphql|graphiql|healthz|readyz|schema\.graphql)(?:[^./]+\/)*[^./]*$/;

/** Never served from the production build (client/dist), even if a stale build holds it: the benchmark page is a development tool, served only from client/dist-bench. */
const NEVER_SERVED = /^\/bench(\.html)?$/;

/**
 * Serves the built explorer (client/dist) at /, with index.html for any other page path so links
 * into the single-page app work. Hashed assets are cached for a year, index.html never. A path
 * that names a file (it has an extension: /.env, /nope.js) and is not one gets a 404, as does
 * the benchmark page. Mount after the API routes: it only answers GET and HEAD for paths they did
 * not take.
 */
export function staticClient(dist: string = CLIENT_DIST): express.Router {
  const router = express.Router();
  const index = join(dist, 'index.html');
  const notFound: express.RequestHandler = (_req, res) => {
    res.status(404).type('text').send('Not found.');
  };
  if (dist === CLIENT_DIST) router.get(NEVER_SERVED, notFound);
  router.use('/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false, index: false }));
  router.use(express.static(dist, { index: false, maxAge: 0 }));
  router.get(PAGE_PATH, (req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    if (!req.accepts('html')) {
      res.status(404).type('text').send('Not found.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  router.use(notFound);
  return router;
}
