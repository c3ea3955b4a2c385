// The web checks answers with the ahead-of-time checks in src/<module>/checks.generated.ts: they must
// be what the generator writes from today's schemas, or a changed contract would be checked by the old one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { contractModules, generatedChecks } from './precompile.ts';

test('every generated check file matches its module’s schemas (run `npm run contracts:precompile` after changing a contract)', async () => {
  for (const module of contractModules()) {
    const written = readFileSync(path.join(import.meta.dirname, '../src', module, 'checks.generated.ts'), 'utf8');
    assert.equal(written, await generatedChecks(module), `packages/contracts/src/${module}/checks.generated.ts is stale`);
  }
});
