// Runs the hostile cases against every operation as every principal of the access matrix's world,
// with their real tokens, and collects every answer of 500 or more. Each case goes to one principal
// the matrix allows (round robin from a seeded start), so most cases reach the use case; every
// principal the matrix refuses still gets a seeded sample of each route's cases.
import type { HTTPMethods } from 'fastify';
import { routeTableOf } from '../../src/platform/http/route-table.ts';
import { casesFor, type HostileCase } from './hostile-cases.ts';
import { seededRandom } from '../support/random.ts';
import { sample } from './hostile-values.ts';
import { apiMatrix, type MatrixEntry, type MatrixRequest } from './matrix.ts';
import { operationsOf, type ProbedOperation } from './openapi-fields.ts';
import { PRINCIPALS, type PrincipalName, type World } from './world.ts';

/** What a probe run saw. */
export interface ProbeReport {
  sent: number;
  /** Answers by status class (`2xx` … `5xx`). */
  readonly byClass: Record<string, number>;
  /** One line per answer of 500 or more: route, principal, case, status and the start of the body. */
  readonly failures: string[];
  /** Route → the principals it was probed as. */
  readonly coverage: Map<string, Set<PrincipalName>>;
  /** Every route the probe covered (the OpenAPI operations and the matrix's routes). */
  readonly routes: readonly string[];
  readonly seconds: number;
}

const METHODS: readonly HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const DENIED_SAMPLE = 3;

function allowedTo(entry: MatrixEntry): PrincipalName[] {
  if (entry.access === 'public') return [...PRINCIPALS];
  if (entry.access === 'self') return PRINCIPALS.filter((p) => p !== 'anonymous');
  const allow = entry.access.allow;
  return PRINCIPALS.filter((p) => allow.includes(p));
}

/** The operation the OpenAPI document declares for a route, or an empty one for routes it hides. */
function operationFor(route: string, operations: readonly ProbedOperation[]): ProbedOperation {
  const found = operations.find((o) => o.route === route);
  if (found) return found;
  const [method = 'GET', path = ''] = route.split(' ');
  return { route, method, bodyFields: [], hasJsonBody: false, consumes: [], query: [], path: [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? ''), headers: [] };
}

/** Probes every operation of the server's OpenAPI document (and every route of the matrix) as every principal. */
export async function runProbe(world: World, options: { seed: number; bodyLimit: number; wide?: boolean }): Promise<ProbeReport> {
  const started = Date.now();
  const app = world.server.app;
  const random = seededRandom(options.seed);
  const operations = operationsOf(app.swagger());
  const routes = [...new Set([...operations.map((o) => o.route), ...routeTableOf(app).map((r) => `${r.method} ${r.url}`)])].filter((r) => r.includes(' /api/v1/'));
  const realIds = [world.organisationA, world.organisationB, world.retailerA, world.charityA, await world.offerOfA(), await world.causeOfA(), ...PRINCIPALS.map((p) => world.accountOf(p))];
  const report: ProbeReport = { sent: 0, byClass: {}, failures: [], coverage: new Map(), routes, seconds: 0 };

  const tokens = new Map<PrincipalName, { token: string | undefined; at: number }>();
  const tokenOf = async (as: PrincipalName): Promise<string | undefined> => {
    const cached = tokens.get(as);
    // Access tokens live 15 minutes; renew well before.
    if (cached && Date.now() - cached.at < 5 * 60_000) return cached.token;
    const token = await world.token(as);
    tokens.set(as, { token, at: Date.now() });
    return token;
  };
  let serial = 0;
  const ip = (): string => `10.77.${Math.floor(serial / 250) % 250}.${serial % 250}`;

  const send = async (entry: MatrixEntry, as: PrincipalName, base: MatrixRequest, hostile: HostileCase): Promise<void> => {
    const [methodName, route = ''] = entry.route.split(' ');
    const method = METHODS.find((m) => m === methodName) ?? 'GET';
    const request = hostile.build(base);
    const token = await tokenOf(as);
    // A fresh idempotency key per request, unless the case is about that header: a reused key replays instead of reaching the use case.
    const key = base.headers?.['idempotency-key'] === undefined || request.headers['idempotency-key'] !== base.headers['idempotency-key'] ? {} : { 'idempotency-key': `probe-${options.seed}-${serial}` };
    serial++;
    const response = await app.inject({
      method,
      url: request.url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...request.headers, ...key },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
      remoteAddress: ip(),
    });
    report.sent++;
    const statusClass = `${Math.floor(response.statusCode / 100)}xx`;
    report.byClass[statusClass] = (report.byClass[statusClass] ?? 0) + 1;
    if (response.statusCode >= 500) report.failures.push(`${route} [${method}] as ${as}: ${hostile.name} → ${response.statusCode} ${response.body.slice(0, 200)}`);
    const covered = report.coverage.get(entry.route) ?? new Set();
    report.coverage.set(entry.route, covered.add(as));
  };

  const entries = routes.map((route) => apiMatrix.find((e) => e.route === route)).filter((e) => e !== undefined);
  for (const route of routes) if (!apiMatrix.some((e) => e.route === route)) report.failures.push(`${route}: no access-matrix entry, so the probe cannot build its request`);
  const ordered = [...entries.filter((e) => !e.destructive), ...entries.filter((e) => e.destructive)];
  for (const entry of ordered) {
    const operation = operationFor(entry.route, operations);
    const bases = new Map<PrincipalName, MatrixRequest>();
    const baseOf = async (as: PrincipalName): Promise<MatrixRequest> => bases.get(as) ?? bases.set(as, await entry.request(world, as)).get(as) ?? { url: '' };
    const allowed = allowedTo(entry);
    const cases = casesFor(operation, await baseOf(allowed[0] ?? 'citizen'), { bodyLimit: options.bodyLimit, realIds, random, wide: options.wide ?? false });
    const offset = Math.floor(random() * allowed.length);
    for (const [i, hostile] of cases.entries()) {
      const as = allowed[(i + offset) % allowed.length] ?? 'citizen';
      await send(entry, as, await baseOf(as), hostile);
      if (entry.destructive) tokens.delete(as);
    }
    for (const as of PRINCIPALS.filter((p) => !allowed.includes(p))) {
      for (const hostile of sample(random, cases, DENIED_SAMPLE)) await send(entry, as, await baseOf(as), hostile);
    }
  }
  return { ...report, seconds: (Date.now() - started) / 1000 };
}
