import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const depcruise = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as { forbidden: Array<{ name: string }> };

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(targets: readonly string[]): { status: number | null; violations: Violation[] } {
  const run = (format: string) => spawnSync(process.execPath, [depcruise, ...targets, '--config', '.dependency-cruiser.cjs', '--output-type', format], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const output = JSON.parse(run('json').stdout) as { summary: { violations: Violation[] } };
  // The exit status, as CI sees it, comes from the human-readable format.
  return { status: run('err').status, violations: output.summary.violations };
}

test('the server, the web and the contracts package keep every boundary rule', () => {
  const { status, violations } = cruise(['apps/server/src', 'apps/web/src', 'packages/contracts/src']);
  assert.deepEqual(violations, []);
  assert.equal(status, 0);
});

let fixtureRun: ReturnType<typeof cruise> | undefined;
/** The fixture's cruise, run once for the tests that read it. */
const fixture = (): ReturnType<typeof cruise> => (fixtureRun ??= cruise(['tools/boundaries/fixture']));

test('the check rejects a fixture that breaks each rule', () => {
  const { status, violations } = fixture();
  assert.notEqual(status, 0);
  const broken = violations.map((v) => `${v.rule.name}: ${path.basename(v.from)} → ${v.to.startsWith('node_modules/') ? v.to.split('/')[1] : path.basename(v.to)}`).sort();
  assert.deepEqual(broken, [
    'application-has-no-sql: leaky-use-case.ts → database.ts',
    'application-has-no-sql: leaky-use-case.ts → kysely',
    'application-has-no-sql: leaky-use-case.ts → things.pg.ts',
    'contracts-import-no-app: leaky-contract.ts → version.ts',
    'domain-is-pure: rule.ts → fastify',
    'modules-meet-through-contracts: index.ts → contracts.ts',
    'modules-meet-through-contracts: index.ts → rule.ts',
    'no-circular: cycle-a.ts → cycle-b.ts',
    'platform-imports-no-module: leaky.ts → rule.ts',
    'web-imports-no-server: leaky-page.ts → version.ts',
  ]);
});

test('every rule of the configuration is seen firing on the fixture', () => {
  const fired = new Set(fixture().violations.map((v) => v.rule.name));
  assert.deepEqual(config.forbidden.map((rule) => rule.name).filter((name) => !fired.has(name)), [], 'a rule without a fixture that breaks it');
});
