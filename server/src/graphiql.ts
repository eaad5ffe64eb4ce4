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
  return router;
}

export function graphiqlPage(assetsPath: string, endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Cooperation Atlas · GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="${assetsPath}/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${assetsPath}/react.js"></script>
  <script src="${assetsPath}/react-dom.js"></script>
  <script src="${assetsPath}/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
    const root = ReactDOM.createRoot(document.getElementById('graphiql'));
    // One tab per example; defaultQuery keeps a new tab useful too.
    const examples = ${JSON.stringify(GRAPHIQL_EXAMPLES.map((e) => ({ query: e.query }))).replace(/</g, '\\u003c')};
    root.render(React.createElement(GraphiQL, { fetcher, defaultTabs: examples, defaultQuery: examples[0].query }));
  </script>
</body>
</html>`;
}
