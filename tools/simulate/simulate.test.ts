import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

test('the simulator seeds, starts its own server, connects officers and citizens for real, and prints its summary', { timeout: 90_000 }, async () => {
  const script = path.join(import.meta.dirname, 'simulate.ts');
  // Every citizen asks every officer who comes near, so a connection is certain within the run.
  const child = spawn(process.execPath, [script, '--officers', '3', '--citizens', '10', '--seconds', '15', '--ask', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 0, `exit ${code}\n${out}\n${err}`);
  assert.match(out, /\[ +5 s\] .*sockets 13\/13/, 'a live line every 5 s');
  assert.match(out, /Simulation summary: 3 officers, 10 citizens/);
  const last = out.trim().split('\n').at(-1) ?? '';
  const summary = (JSON.parse(last) as { simulate: { connectionsMade: number; sockets: { opened: number }; fixes: { sent: number; acceptedByServer: number }; nearby: { entered: number }; latencyMs: { fixToNearbyEntered: { count: number } } } }).simulate;
  assert.ok(summary.connectionsMade >= 1, `connections made: ${summary.connectionsMade}`);
  assert.equal(summary.sockets.opened, 13);
  assert.ok(summary.fixes.acceptedByServer > 100, `fixes accepted: ${summary.fixes.acceptedByServer} of ${summary.fixes.sent}`);
  assert.ok(summary.nearby.entered >= 1);
  assert.equal(summary.latencyMs.fixToNearbyEntered.count, summary.nearby.entered, 'every entered push is timed');
});
