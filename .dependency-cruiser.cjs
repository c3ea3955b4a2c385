// Boundaries of the modular monolith (see docs/architecture.md). `npm run boundaries` checks
// apps/server/src; tools/boundaries/boundaries.test.ts shows each rule rejecting a fixture that breaks it.
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
      comment: "A module may import another module only through that module's contracts.ts.",
      severity: 'error',
      from: { path: '(^|/)src/modules/([^/]+)/' },
      to: { path: '(^|/)src/modules/([^/]+)/', pathNot: ['(^|/)src/modules/$2/', '(^|/)src/modules/[^/]+/contracts\\.ts$'] },
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
      comment: 'Cycles make modules impossible to reason about one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
