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

/**
 * Serves the built explorer (client/dist) at /, with index.html for any other page path so links
 * into the single-page app work. Hashed assets are cached for a year, index.html never.
 * Mount after the API routes: it only answers GET and HEAD for paths they did not take.
 */
export function staticClient(dist: string = CLIENT_DIST): express.Router {
  const router = express.Router();
  const index = join(dist, 'index.html');
  router.use(
    '/assets',
    express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false, index: false }),
  );
  router.use(express.static(dist, { index: false, maxAge: 0 }));
  router.get(/^\/(?!graphql|graphiql|healthz|schema\.graphql).*/, (req, res) => {
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
  return router;
}
