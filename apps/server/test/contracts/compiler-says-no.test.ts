// Shows the compiler-says-no fixture working: type-checked as it is, every `@ts-expect-error` line is
// an error (lint passes); type-checked with its contracts loosened to plain strings and records, every
// one of them stops being an error and TypeScript reports it unused — which is what fails lint.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const here = import.meta.dirname;
const root = path.resolve(here, '../../../..');
const fixture = readFileSync(path.join(here, 'compiler-says-no.ts'), 'utf8');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

/** Each loosening: the contract as the fixture names it, and a looser stand-in. */
const loosenings: ReadonlyArray<readonly [string, string]> = [
  ['type RewardsEvents = EventSink<typeof rewardsEvents>;', 'type RewardsEvents = EventSink<EventCatalog>;'],
  ["import { AppError } from '../../src/platform/errors/app-error.ts';", 'class AppError extends Error {\n  constructor(code: string) {\n    super(code);\n  }\n}'],
  ["import type { WsGateway } from '../../src/platform/ws/gateway.ts';", 'interface WsGateway {\n  sendToUser(userId: string, message: { type: string; [field: string]: unknown }): Promise<void>;\n  handle(type: string, handler: (message: Record<string, unknown>) => void): void;\n}'],
  ['(wallet: Wallet)', '(wallet: Record<string, number>)'],
  ['const ExampleBody = Type.Object({ points: Type.Integer() });', 'const ExampleBody = Type.Record(Type.String(), Type.Integer());'],
  ["import type { rewardsEvents, Wallet } from '@heyblue/contracts/rewards';", "import type { EventCatalog } from '@heyblue/contracts/shared';"],
];

function typeCheck(source: string): string[] {
  const dir = mkdtempSync(path.join(here, '.loosened-'));
  try {
    // One level deeper than the fixture: its relative imports gain a `../`.
    writeFileSync(path.join(dir, 'fixture.ts'), source.replaceAll("'../../src/", "'../../../src/"));
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: path.join(root, 'tsconfig.base.json'), files: ['fixture.ts'] }));
    const run = spawnSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    // Only the fixture's own diagnostics: code it imports is checked by lint itself.
    return run.stdout.split('\n').filter((line) => line.includes('fixture.ts('));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const directives = fixture.split('\n').filter((line) => line.trim().startsWith('// @ts-expect-error')).length;

test('every line of the fixture is an error the compiler reports', () => {
  assert.ok(directives >= 10, `the fixture has ${directives} checks`);
  assert.deepEqual(typeCheck(fixture), []);
});

test('with its contracts loosened, every expected error goes unused, which fails lint', () => {
  let loosened = fixture;
  for (const [contract, loose] of loosenings) {
    assert.ok(loosened.includes(contract), `the fixture still names ${contract}`);
    loosened = loosened.replace(contract, loose);
  }
  const diagnostics = typeCheck(loosened);
  const unused = diagnostics.filter((line) => line.includes("Unused '@ts-expect-error' directive"));
  assert.equal(unused.length, directives, diagnostics.join('\n'));
  assert.equal(diagnostics.length, directives, diagnostics.join('\n'));
});
