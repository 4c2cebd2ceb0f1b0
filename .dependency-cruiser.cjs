/**
 * Architecture rules (docs/architecture.md), checked by `npm run lint`:
 * no import cycles; the solver and every model are pure; the shared kernel does not depend on
 * capabilities; a capability reaches another only through that capability's index.ts.
 */
const IO_MODULES = '^(node:)?(fs|fs/promises|net|http|https|http2|dgram|child_process|cluster|tls|dns)$|^(pg|kysely|fastify|@electric-sql/.*|pino)$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make layers impossible to read in order. A type-only back-reference (a Proposal naming the Route type it is built from) loads nothing and is allowed.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'solver-is-self-contained',
      severity: 'error',
      comment: 'The routing engine has no runtime dependencies and imports nothing from the platform.',
      from: { path: '^src/solver/' },
      to: { pathNot: ['^src/solver/', '^(node:)?(worker_threads|os|url|path)$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'solver-core-has-no-io',
      severity: 'error',
      comment: 'Model, segments, search and metaheuristic are pure computation.',
      from: { path: '^src/solver/(model|segments|search|ils|stop)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'models-are-pure',
      severity: 'error',
      comment: 'model.ts files and model/ folders hold types and rules only: no storage, HTTP or files.',
      from: { path: '^src/[^/]+/(model\\.ts$|model/)' },
      to: { path: IO_MODULES },
    },
    {
      name: 'kernel-does-not-know-capabilities',
      severity: 'error',
      comment: 'platform/ is the shared kernel; capabilities depend on it, never the other way round.',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: '^src/platform/' },
    },
    {
      name: 'capabilities-meet-at-index',
      severity: 'error',
      comment: 'Import another capability only through its index.ts (its public face).',
      from: { path: '^src/([^/]+)/', pathNot: '^src/(cli|platform)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/platform/', '^src/[^/]+/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
