// What `heyblue serve` prints for people to open: one origin for every link, so a session made through
// one link is still there through the next (a cookie set on localhost is not sent to 127.0.0.1).
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from './support/config.ts';
import { startServerProcess } from './support/process.ts';

const bin = path.join(import.meta.dirname, '../bin/heyblue.js');

test('a new development server prints its app, dashboard, docs and first-admin links on one origin, localhost', async () => {
  const server = await startServerProcess({ NODE_ENV: 'development', LOG_LEVEL: 'warn' }, { script: bin, args: ['serve', '--data-dir', tempDir()] });
  try {
    const printed = server.output();
    const links = [...printed.matchAll(/https?:\/\/[^\s),]+/g)].map((match) => match[0]);
    assert.ok(links.some((link) => /\/setup\/[\w-]+$/.test(link)), `a first-admin link was printed:\n${printed}`);
    assert.ok(links.some((link) => link.endsWith('/dashboard')), `the dashboard link was printed:\n${printed}`);
    assert.deepEqual([...new Set(links.map((link) => new URL(link).origin))], [server.url], `every printed link names ${server.url}:\n${printed}`);
    assert.match(server.url, /^http:\/\/localhost:[1-9]\d*$/, 'a loopback server names itself localhost (passkeys need a host name)');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'and answers there');
  } finally {
    await server.kill('SIGTERM');
  }
});
