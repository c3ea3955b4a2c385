// Runs every test (unit, integration, e2e, browser) with Node's test runner and ends with one line
// `N passed, N failed, N skipped`. Pass file paths or globs to run fewer: `npm test -- apps/server/src/platform/config`.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const args = process.argv.slice(2);
const patterns = args.length > 0 ? args.map((a) => (a.endsWith('.ts') ? a : `${a.replace(/\/$/, '')}/**/*.test.ts`)) : ['apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/scripts/**/*.test.ts', 'tools/**/*.test.ts'];
const files = [...new Set(patterns.flatMap((p) => globSync(p)))].filter((f) => !f.includes('node_modules')).sort();

if (files.some((f) => f.includes('.browser.test.ts'))) {
  const build = spawnSync(process.execPath, ['scripts/ensure-web-build.ts'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let passed = 0;
let failed = 0;
let skipped = 0;
// forceExit: a file whose tests (and after hooks) are done exits even if a stray handle would keep it alive —
// one such hang must not hold CI until its limit.
const stream = run({ files, concurrency: Number(process.env.TEST_CONCURRENCY ?? 2), timeout: 5 * 60_000, forceExit: true });
stream.on('test:pass', (event) => {
  if (event.details.type === 'suite') {
    if (event.skip) skipped++;
    return;
  }
  if (event.skip || event.todo) skipped++;
  else passed++;
});
stream.on('test:fail', (event) => {
  if (event.details.type === 'suite' && event.details.error.failureType === 'subtestsFailed') return;
  failed++;
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', () => {
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exitCode = failed > 0 || files.length === 0 ? 1 : 0;
});
