import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express from 'express';
import { GRAPHIQL_EXAMPLES } from './graphiqlExamples.js';

const require = createRequire(import.meta.url);

/**
 * A GraphiQL page served entirely from this server (no CDN), so it works offline: the UMD builds
 * of React 18 and GraphiQL 3 come straight from node_modules.
 */
export function graphiqlAssets(): express.Router {
  const router = express.Router();
  const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
  const files: Record<string, string> = {
    'react.js': join(packageDir('react'), 'umd/react.production.min.js'),
    'react-dom.js': join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    'graphiql.js': join(packageDir('graphiql'), 'graphiql.min.js'),
    'graphiql.css': join(packageDir('graphiql'), 'graphiql.min.css'),
  };
  for (const [name, path] of Object.entries(files)) {
    router.get(`/${name}`, (_req, res) => res.sendFile(path, { maxAge: '1d' }));
  }
  // The page's own script is a file too, so the Content-Security-Policy needs no inline script.
  router.get('/start.js', (_req, res) => {
    res.type('application/javascript').setHeader('Cache-Control', 'no-cache');
    res.send(START_SCRIPT);
  });
  return router;
}

/** Reads the endpoint from the page (data-endpoint), so one script serves any mount point. */
const START_SCRIPT = `const element = document.getElementById('graphiql');
const fetcher = GraphiQL.createFetcher({ url: element.dataset.endpoint });
// One tab per example; defaultQuery keeps a new tab useful too.
const examples = ${JSON.stringify(GRAPHIQL_EXAMPLES.map((e) => ({ query: e.query })))};
ReactDOM.createRoot(element).render(React.createElement(GraphiQL, { fetcher, defaultTabs: examples, defaultQuery: examples[0].query }));
`;

export function graphiqlPage(assetsPath: string, endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Cooperation Atlas · GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="${assetsPath}/graphiql.css">
</head>
<body style="margin: 0; height: 100vh">
  <div id="graphiql" style="height: 100vh" data-endpoint="${escapeAttribute(endpoint)}">Loading GraphiQL…</div>
  <script src="${assetsPath}/react.js"></script>
  <script src="${assetsPath}/react-dom.js"></script>
  <script src="${assetsPath}/graphiql.js"></script>
  <script src="${assetsPath}/start.js"></script>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
