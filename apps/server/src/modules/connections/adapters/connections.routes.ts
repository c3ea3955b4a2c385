import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ConnectionAnswer, ConnectionPage, ConnectionSettings, FraudFlagPage, NearbyAnswer, QrCode, QrScan, VirtualOfficerPage, VirtualOfficersQuery } from '@heyblue/contracts/connections';
import { PageQuery } from '@heyblue/contracts/shared';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { ConnectionsDeps } from '../application/connections-deps.ts';
import { presentNearby } from '../application/live-messages.ts';
import { issueQr, QR_REFRESH_MS, scanQr } from '../application/qr-codes.ts';
import { MEET_MS } from '../domain/request-rules.ts';
import { presentConnection } from '../application/views.ts';
import { callerOf } from './caller.ts';

const bearer = [{ bearer: [] }];
const tags = ['connections'];
/** PageQuery's default, for the type (the validator fills it in before the handler runs). */
const PAGE_LIMIT = 20;

/** Settings, who is near, virtual officers, QR codes, your connections, and fraud flags for admins. */
export function connectionsRoutes(deps: ConnectionsDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/connections/settings', {
      schema: { tags, summary: 'What the app needs to know: radius, window and request lengths, map tiles', security: bearer, response: { 200: ConnectionSettings } },
    }, async (request) => {
      callerOf(request);
      const s = deps.settings;
      return { radiusM: s.nearbyRadiusM, maxAccuracyM: s.maxAccuracyM, windowMinutes: s.windowMinutes, requestTtlSeconds: s.requestTtlSeconds, qrRefreshSeconds: QR_REFRESH_MS / 1000, meetMinutes: MEET_MS / 60_000 };
    });

    app.get('/connections/nearby', {
      schema: { tags, summary: 'Officers near you now (as last told over the websocket)', security: bearer, response: { 200: NearbyAnswer } },
    }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { officers: deps.map.nearbyOf(callerOf(request).accountId).map(presentNearby) };
    });

    app.get('/connections/virtual-officers', {
      schema: { tags, summary: 'Officers available for a virtual connection, newest first', security: bearer, querystring: VirtualOfficersQuery, response: { 200: VirtualOfficerPage } },
    }, async (request, reply) => {
      callerOf(request);
      const { precinctId, cursor, limit = PAGE_LIMIT } = request.query;
      reply.header('cache-control', 'no-store');
      const page = await deps.store.virtualWindows(deps.db, precinctId, cursor, limit);
      return {
        officers: page.items.map((w) => {
          const area = deps.map.areaOf(w.officerId);
          return { officerId: w.officerId, precinctId: w.precinctId, precinctName: w.precinctName, zip: area ? deps.zipOf(area.lat, area.lon) : null };
        }),
        nextCursor: page.nextCursor,
      };
    });

    app.post('/connections/qr', {
      config: { rateLimit: { max: 12, timeWindow: 60_000 } },
      schema: { tags, summary: 'A fresh connection code to show (rotate every 15 s; valid 30 s; works once)', security: bearer, response: { 201: QrCode } },
    }, async (request, reply) => {
      const qr = await issueQr(deps, callerOf(request));
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ token: qr.token, shortCode: qr.shortCode, expiresAt: qr.expiresAt.toISOString(), refreshAt: qr.refreshAt.toISOString() });
    });

    app.post('/connections/qr/scan', {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: { tags, summary: 'Connect by scanning someone’s code, or typing its short code', security: bearer, body: QrScan, response: { 201: ConnectionAnswer } },
    }, async (request, reply) => {
      const { body } = request;
      if ((body.token === undefined) === (body.shortCode === undefined)) throw new AppError('PLATFORM_VALIDATION_FAILED', 'Send either token or shortCode.');
      const connection = await scanQr(deps, callerOf(request), body);
      return reply.status(201).send({ connection: presentConnection(connection, deps.clock.now()) });
    });

    app.get('/connections', {
      schema: { tags, summary: 'Your connections, newest first', security: bearer, querystring: PageQuery, response: { 200: ConnectionPage } },
    }, async (request, reply) => {
      const caller = callerOf(request);
      const { cursor, limit = PAGE_LIMIT } = request.query;
      reply.header('cache-control', 'no-store');
      const page = await deps.store.connectionsOf(deps.db, caller.accountId, cursor, limit);
      const now = deps.clock.now();
      return { items: page.items.map((c) => presentConnection(c, now)), nextCursor: page.nextCursor };
    });

    app.get('/connections/fraud-flags', {
      schema: { tags: ['admin'], summary: 'Implausible location jumps, newest first (admins)', security: bearer, querystring: PageQuery, response: { 200: FraudFlagPage } },
    }, async (request) => {
      const caller = callerOf(request);
      if (!caller.roles.includes('admin')) throw new AppError('PLATFORM_FORBIDDEN');
      const { cursor, limit = PAGE_LIMIT } = request.query;
      const page = await deps.store.fraudFlags(deps.db, cursor, limit);
      return { items: page.items.map((f) => ({ ...f, flaggedAt: f.flaggedAt.toISOString() })), nextCursor: page.nextCursor };
    });
  };
}
