// `npm run bench` runs every benchmark; `npm run bench -- <name>` runs one. Each ends with one JSON line:
// { bench, figures, anchors, ratios, targets }, so results can be tracked over time.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const benches: Record<string, string> = { contracts: 'contracts.bench.ts', http: 'http.bench.ts', ledger: 'ledger.bench.ts', outbox: 'outbox.bench.ts', proximity: 'proximity.bench.ts', realtime: 'realtime.bench.ts', web: 'web.bench.ts' };
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !benches[w]);
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
  console.log(`\n== bench ${name}`);
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(import.meta.dirname, benches[name] ?? '')], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
