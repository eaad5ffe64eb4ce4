import { createHash } from 'node:crypto';
import type express from 'express';
import { requestLanguages } from './requestLanguages.js';
import type { GraphStore } from './store/GraphStore.js';

/**
 * HTTP caching of read-only queries sent with GET: the ETag is derived from the graph's version
 * (GraphStore.graphVersion), the schema, the request and the languages it asks for (names follow
 * Accept-Language: `Vary: Accept-Language`, and one ETag per list of languages), so a browser or proxy revalidates with
 * If-None-Match and gets a 304 without the query being run again while the graph has not changed.
 * `no-cache` makes them ask every time; answers to a request with a token are `private`.
 * Mutations are never served over GET (Apollo refuses them), so they get no ETag either.
 */
export function getQueryCaching(store: GraphStore, schemaSdl: string): express.RequestHandler {
  const schemaHash = createHash('sha256').update(schemaSdl).digest('base64url').slice(0, 16);
  return (req, res, next) => {
    const query = typeof req.query.query === 'string' ? req.query.query : undefined;
    if (!query || /^\s*mutation\b/m.test(query)) {
      next();
      return;
    }
    store
      .graphVersion()
      .then((version) => {
        const authorized = req.headers.authorization !== undefined;
        const etag = `W/"${createHash('sha256')
          .update(
            `${schemaHash}\n${version}\n${authorized ? req.headers.authorization : ''}\n${requestLanguages(req).join(',')}\n${req.originalUrl}`,
          )
          .digest('base64url')
          .slice(0, 27)}"`;
        res.setHeader('ETag', etag);
        res.setHeader('Cache-Control', authorized ? 'private, no-cache' : 'public, no-cache');
        res.setHeader('Vary', 'Authorization, Accept, Accept-Language');
        if (matches(req.headers['if-none-match'], etag)) res.status(304).end();
        else next();
      })
      // The store is down: let the request run and report it as it would any other.
      .catch(() => next());
  };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === etag || `W/${tag}` === etag);
}
