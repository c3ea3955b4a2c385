import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const depcruise = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function cruise(target: string): { status: number | null; violations: Array<{ rule: { name: string }; from: string; to: string }> } {
  const run = (format: string) => spawnSync(process.execPath, [depcruise, target, '--config', '.dependency-cruiser.cjs', '--output-type', format], { cwd: root, encoding: 'utf8' });
  const output = JSON.parse(run('json').stdout) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
  // The exit status, as CI sees it, comes from the human-readable format.
  return { status: run('err').status, violations: output.summary.violations };
}

test('the server source keeps every boundary rule', () => {
  const { status, violations } = cruise('apps/server/src');
  assert.deepEqual(violations, []);
  assert.equal(status, 0);
});

test('the check rejects a fixture that breaks each rule', () => {
  const { status, violations } = cruise('tools/boundaries/fixture/src');
  assert.notEqual(status, 0);
  const broken = violations.map((v) => `${v.rule.name}: ${path.basename(v.from)} → ${v.to.startsWith('node_modules/') ? v.to.split('/')[1] : path.basename(v.to)}`).sort();
  assert.deepEqual(broken, [
    'domain-is-pure: rule.ts → fastify',
    'modules-meet-through-contracts: index.ts → rule.ts',
    'platform-imports-no-module: leaky.ts → rule.ts',
  ]);
});
