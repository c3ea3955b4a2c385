import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { sql } from 'kysely';
import { composeTestServer } from './support/server.ts';
import { waitUntil } from './support/wait.ts';
import { probeModule } from './fixtures/probe-module/index.ts';

interface ExportedSpan { traceId: string; name: string }

/** A stand-in OTLP/HTTP collector on loopback that keeps what it receives. */
async function startCollector(): Promise<{ url: string; spans: ExportedSpan[]; close(): Promise<void> }> {
  const spans: ExportedSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: ExportedSpan[] }> }> };
      for (const rs of parsed.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, close: () => new Promise((r) => server.close(() => r())) };
}

test('a trace follows a request into the event it writes, its publication and its consumer', async () => {
  const collector = await startCollector();
  const server = await composeTestServer({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OUTBOX_POLL_MS: '20' }, { modules: [probeModule()] });
  try {
    await server.listen();
    // A batch's span is a child of its first event's request: let the start-up events go first, so the probe's event is published alone.
    await waitUntil(async () => (await sql<{ n: number }>`select count(*)::int as n from platform.outbox where published_at is null`.execute(server.database.db)).rows[0]?.n === 0);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/probe/things', headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` }, payload: { label: 'traced' } });
    assert.equal(response.statusCode, 201);
    const id = response.json<{ id: string }>().id;
    await waitUntil(async () => (await sql<{ n: number }>`select count(*)::int as n from probe.effects where thing_id = ${id}`.execute(server.database.db)).rows[0]?.n === 1);
    // In process the consumer runs inside the publish: its span ends once the relay marks the row, and is flushed at stop.
    await waitUntil(async () => (await sql<{ n: number }>`select count(*)::int as n from platform.outbox where type = 'probe.thing-recorded.v1' and published_at is not null`.execute(server.database.db)).rows[0]?.n === 1);
  } finally {
    await server.stop('test over');
  }
  await waitUntil(() => ['consume probe.', 'publish probe.'].every((prefix) => collector.spans.some((s) => s.name.startsWith(prefix))), 5000, 'spans to be exported');
  const names = collector.spans.filter((s) => s.traceId === '4bf92f3577b34da6a3ce929d0e0e4736').map((s) => s.name).sort();
  assert.deepEqual(names, ['POST /api/v1/probe/things', 'consume probe.thing-recorded.v1', 'publish probe.thing-recorded.v1']);
  await collector.close();
});
