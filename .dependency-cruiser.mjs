/**
 * The allowed arrows between the parts of Cooperation Atlas (docs/adr/0025-layers-and-errors.md),
 * checked by `npm run lint` (depcruise): a new arrow back up, or a cycle between modules or
 * folders, fails it.
 *
 *   client ──(generated API types only)──▶ server
 *   graph-seed (data, seed commands) ──▶ server
 *   server: main, cli ─▶ app ─▶ resolvers ─▶ editing, importer, exporter, seed ─▶ store (the ports) ─▶ domain
 *           openStore.ts is the one module that knows the adapters (store/memory, store/neo4j).
 */
const SERVER = '^server/src/';
const UPPER_LAYERS = `${SERVER}(app|main|context|auth|errors|httpCaching|httpHygiene|graphiql|graphiqlExamples|jitExecutor|staticClient|openStore)\\.ts$|${SERVER}(resolvers|fairness|validation|metrics|map|cli)/`;
const APPLICATION = `${SERVER}(editing|importer|exporter|seed)/`;

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module cycle: split the shared part out, below both.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      scope: 'folder',
      comment: 'Two folders import each other: one of the arrows points back up.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-the-bottom',
      severity: 'error',
      comment: 'The domain imports nothing else of the server (no store, no API, no adapters).',
      from: { path: `${SERVER}domain/` },
      to: { path: '^(server|client|graph-seed)/', pathNot: `${SERVER}domain/` },
    },
    {
      name: 'store-below-the-application',
      severity: 'error',
      comment:
        'The stores (ports and adapters) import only the domain, each other and three leaf modules (limits, timeSlicer, workerThread).',
      from: { path: `${SERVER}store/` },
      to: {
        path: '^(server|client|graph-seed)/',
        pathNot: [`${SERVER}(store|domain)/`, `${SERVER}(limits|timeSlicer|workerThread)\\.ts$`],
      },
    },
    {
      name: 'application-below-the-api',
      severity: 'error',
      comment:
        'Editing, importing, exporting and seeding do not know the API or the command line (they throw domain errors). Their cli.ts are entry points, composition roots like main.ts.',
      from: { path: APPLICATION, pathNot: '/cli\\.ts$' },
      to: { path: UPPER_LAYERS },
    },
    {
      name: 'no-graphql-below-the-api',
      severity: 'error',
      comment:
        "GraphQL is the API layer's: below it, errors are UserFacingErrors (domain/errors.ts), translated by resolvers/domainErrors.ts.",
      from: { path: [`${SERVER}(domain|store|editing|importer|exporter|seed)/`] },
      to: { path: 'node_modules/graphql/' },
    },
    {
      name: 'adapters-only-through-openStore',
      severity: 'error',
      comment:
        'Only openStore.ts picks and builds an adapter; everything else uses the ports (store/GraphStore.ts, store/GraphAnalytics.ts).',
      from: {
        path: '^(server|graph-seed|client)/',
        pathNot: [`${SERVER}openStore\\.ts$`, `${SERVER}store/(memory|neo4j|analysis)/`, `${SERVER}cli/dataCli\\.ts$`, `${SERVER}metrics/`],
      },
      to: { path: `${SERVER}store/(memory|neo4j)/` },
    },
    {
      name: 'server-does-not-import-graph-seed',
      severity: 'error',
      comment: 'graph-seed holds data and commands that use the server; the server reads the data as files.',
      from: { path: '^server/' },
      to: { path: '^graph-seed/' },
    },
    {
      name: 'client-only-generated-types-from-server',
      severity: 'error',
      comment: 'The explorer talks to the server over HTTP; it may share only the generated API types.',
      from: { path: '^client/' },
      to: { path: '^(server|graph-seed)/', pathNot: `${SERVER}generated/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '(^|/)dist/', `${SERVER}generated/`, '^client/src/gql/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.server.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
