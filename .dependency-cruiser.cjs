// Boundaries of the modular monolith (see docs/architecture.md, docs/adr/0013-module-apis.md). `npm run boundaries`
// checks apps/server/src, apps/web/src and packages/contracts/src; tools/boundaries/boundaries.test.ts shows
// each rule rejecting a fixture that breaks it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-module',
      comment: 'The platform holds technical building blocks with no business words; modules build on it, never the reverse.',
      severity: 'error',
      from: { path: '(^|/)src/platform/' },
      to: { path: '(^|/)src/modules/' },
    },
    {
      name: 'modules-meet-through-contracts',
      comment:
        "A module imports nothing of another module's folder: it meets another module only through the contracts package " +
        '(@heyblue/contracts/<module>: events, error codes, HTTP shapes, the module API it is handed by the composition root).',
      severity: 'error',
      from: { path: '(^|/)src/modules/([^/]+)/' },
      to: { path: '(^|/)src/modules/([^/]+)/', pathNot: '(^|/)src/modules/$2/' },
    },
    {
      name: 'application-has-no-sql',
      comment:
        'SQL lives in adapters (*.pg.ts): use cases talk to ports in domain words and hold the database only as an opaque Tx ' +
        '(platform/db/tx.ts). Application code imports neither kysely nor pg, no adapter, and no other database or inbox plumbing.',
      severity: 'error',
      from: { path: '(^|/)src/modules/[^/]+/application/' },
      to: {
        path: [
          '(^|/)node_modules/(kysely|pg|pg-[^/]+|@electric-sql/pglite)/',
          '^(kysely|pg)$',
          '(^|/)src/modules/[^/]+/adapters/',
          '(^|/)src/platform/db/(?!tx\\.ts$)',
          '(^|/)src/platform/events/(inbox|outbox|relay)\\.ts$',
        ],
      },
    },
    {
      name: 'web-imports-no-server',
      comment: 'The web app runs in the browser: it shares names with the server only through the contracts package.',
      severity: 'error',
      from: { path: '(^|/)apps/web/src/' },
      to: { path: '(^|/)apps/server/' },
    },
    {
      name: 'contracts-import-no-app',
      comment: 'The contracts package is what both apps import; it imports neither of them.',
      severity: 'error',
      from: { path: '(^|/)packages/contracts/src/' },
      to: { path: '(^|/)apps/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Domain code is plain TypeScript: no framework, no adapter, no I/O. It may use its own module, typed errors and other domain files.',
      severity: 'error',
      from: { path: '(^|/)src/modules/[^/]+/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: ['(^|/)src/modules/[^/]+/domain/', '(^|/)src/modules/[^/]+/contracts\\.ts$', '(^|/)packages/contracts/src/', '^@heyblue/contracts/', '(^|/)src/platform/errors/', '^(node:)?(assert|crypto)$'],
      },
    },
    {
      name: 'no-circular',
      comment: 'Cycles make modules impossible to reason about one at a time. (The web is not held to it yet: one cycle of its connections feature remains.)',
      severity: 'error',
      from: { pathNot: '(^|/)apps/web/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
