// A JSON GET through the full stack (request id, security headers, rate limit, error handler, logging,
// metrics, schema serialization) vs a bare Fastify route, both in this process, both over loopback
// HTTP driven by autocannon. Target: full stack ≥ 0.5× the bare route's requests per second.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createLogger } from '../apps/server/src/platform/observability/logger.ts';
import { composeTestServer } from '../apps/server/test/support/server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

async function load(url: string, duration: number): Promise<{ rps: number; p99: number; non2xx: number }> {
  // The load generator runs in its own worker thread, so it does not share the servers' event loop.
  const result = await autocannon({ url, connections, duration, pipelining: 1, workers: 1 });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}

// The production logger at info, writing to /dev/null instead of stdout. `full` runs the default
// settings (access log for problems only); `fullAll` logs a line for every request (ACCESS_LOG=all).
const fullStack = async (accessLog: string) => {
  const server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'info', ACCESS_LOG: accessLog }, { logger: createLogger({ level: 'info', pretty: false, destination: '/dev/null' }) });
  return { server, url: `${await server.listen()}/api/v1/meta` };
};
const { server: full, url: fullUrl } = await fullStack('problems');
const { server: fullAll, url: fullAllUrl } = await fullStack('all');

const bare = Fastify();
bare.get('/meta', async () => ({ name: 'Hey Blue!', version: '0.1.0', mode: 'embedded', time: new Date().toISOString(), timeZone: 'UTC' }));
const bareUrl = `${await bare.listen({ host: '127.0.0.1', port: 0 })}/meta`;

await load(bareUrl, 1);
await load(fullUrl, 1);
await load(fullAllUrl, 1);
type Run = { rps: number; p99: number; non2xx: number };
const runs = { full: [] as Run[], fullAll: [] as Run[], bare: [] as Run[] };
for (let round = 0; round < 2; round++) {
  runs.bare.push(await load(bareUrl, seconds));
  runs.full.push(await load(fullUrl, seconds));
  runs.fullAll.push(await load(fullAllUrl, seconds));
}
await full.stop('bench over');
await fullAll.stop('bench over');
await bare.close();

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const fullRps = mean(runs.full.map((r) => r.rps));
const bareRps = mean(runs.bare.map((r) => r.rps));
const fullAllRps = mean(runs.fullAll.map((r) => r.rps));
const non2xx = [...runs.full, ...runs.fullAll].reduce((n, r) => n + r.non2xx, 0);
if (non2xx > 0) console.error(`warning: ${non2xx} non-2xx answers on the full stack`);
console.log(`full stack: ${fullRps.toFixed(0)} req/s (p99 ${mean(runs.full.map((r) => r.p99)).toFixed(1)} ms); with an access-log line per request: ${fullAllRps.toFixed(0)} req/s; bare Fastify: ${bareRps.toFixed(0)} req/s (p99 ${mean(runs.bare.map((r) => r.p99)).toFixed(1)} ms)`);
console.log(JSON.stringify({
  bench: 'http',
  figures: { fullStackRps: Math.round(fullRps), fullStackP99Ms: mean(runs.full.map((r) => r.p99)), fullStackEveryRequestLoggedRps: Math.round(fullAllRps), non2xx },
  anchors: { bareFastifyRps: Math.round(bareRps), bareFastifyP99Ms: mean(runs.bare.map((r) => r.p99)) },
  ratios: { fullVsBare: Number((fullRps / bareRps).toFixed(3)), fullEveryRequestLoggedVsBare: Number((fullAllRps / bareRps).toFixed(3)) },
  targets: { fullVsBare: '>= 0.5' },
  setup: { seconds, connections, rounds: 2, node: process.version },
}));
