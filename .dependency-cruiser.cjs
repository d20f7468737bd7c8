/**
 * The layers, checked on every `npm test` (docs/architecture.md draws them):
 *   browser: core → React / element / hosted page
 *   server:  util, types → stores → provider adapters → session service → routes → handler → runtime adapters (node/)
 * Dependencies point down only; the server core uses Web APIs only (Node modules live in src/server/node).
 */
const SERVER_CORE = '^src/server/(?!node/|node\\.ts$|node-index\\.ts$)'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'server-core-web-apis-only',
      comment: 'The server core runs on Workers, Vercel Edge, Deno and Bun: no Node module outside src/server/node.',
      severity: 'error',
      from: { path: SERVER_CORE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-core-not-on-node-parts',
      comment: 'toNodeListener, the node:http guard and SQLite stay out of the Web-standard entry.',
      severity: 'error',
      from: { path: SERVER_CORE },
      to: { path: '^src/server/(node/|node\\.ts$|node-index\\.ts$)' },
    },
    {
      name: 'stores-at-the-bottom',
      comment: 'Stores keep plain rows: they know no provider, no service, no route.',
      severity: 'error',
      from: { path: '^src/server/(stores/|node/sqlite)' },
      to: { path: '^src/server/(providers|service|routes)/|^src/server/(handler|options|report)\\.ts$' },
    },
    {
      name: 'providers-below-the-service',
      comment: 'Adapters talk to their provider; what happens with the answer is the session service’s.',
      severity: 'error',
      from: { path: '^src/server/providers/' },
      to: { path: '^src/server/(service|routes|stores)/|^src/server/(handler|options)\\.ts$' },
    },
    {
      name: 'service-below-the-routes',
      severity: 'error',
      from: { path: '^src/server/service/' },
      to: { path: '^src/server/routes/|^src/server/handler\\.ts$' },
    },
    {
      name: 'routes-below-the-handler',
      severity: 'error',
      from: { path: '^src/server/routes/' },
      to: { path: '^src/server/handler\\.ts$' },
    },
    {
      name: 'util-at-the-bottom',
      severity: 'error',
      from: { path: '^src/server/util/' },
      to: { path: '^src/server/(?!util/|errors\\.ts$)' },
    },
    {
      name: 'browser-core-framework-free',
      comment: 'verify-widget/core knows no React, no server and no Node.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: {
        path: '^src/(react|server|sandbox|hosted|demo)/|^(react|react-dom)($|/)|node_modules/(react|react-dom)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'hosted-page-framework-free',
      comment: 'The hosted page is plain DOM over the core and src/ui: no React (its stories mount it from a React wrapper).',
      severity: 'error',
      from: { path: '^src/hosted/', pathNot: '\\.stories\\.tsx$' },
      to: {
        path: '^src/react/(?!locales/)|^(react|react-dom|@tanstack/react-query)($|/)|node_modules/(react|react-dom|@tanstack/react-query)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'browser-never-imports-server',
      comment: 'Nothing the browser loads may reach the backend (keys live there).',
      severity: 'error',
      from: { path: '^src/(core|react|hosted|demo)/' },
      to: { path: '^src/(server|sandbox)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular-server',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.stories\\.tsx$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
}
