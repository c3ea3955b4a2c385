import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { ConnectionsDeps } from '../application/connections-deps.ts';
import { presentNearby } from '../application/live-messages.ts';
import { issueQr, QR_REFRESH_MS, scanQr } from '../application/qr-codes.ts';
import { MEET_MS } from '../domain/request-rules.ts';
import { presentConnection } from '../application/views.ts';
import { callerOf } from './caller.ts';
import { ConnectionBody, FraudFlagBody, NearbyOfficerBody, PageQuery, QrBody, VirtualOfficerBody } from './connection-schemas.ts';

const bearer = [{ bearer: [] }];
const tags = ['connections'];

/** Settings, who is near, virtual officers, QR codes, your connections, and fraud flags for admins. */
export function connectionsRoutes(deps: ConnectionsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/connections/settings', {
      schema: {
        tags, summary: 'What the app needs to know: radius, window and request lengths, map tiles', security: bearer,
        response: { 200: Type.Object({ radiusM: Type.Integer(), maxAccuracyM: Type.Integer({ description: 'fixes less accurate than this are ignored' }), windowMinutes: Type.Integer(), requestTtlSeconds: Type.Integer(), qrRefreshSeconds: Type.Integer(), meetMinutes: Type.Integer(), map: Type.Object({ tileUrl: Type.Union([Type.String(), Type.Null()]), attribution: Type.Union([Type.String(), Type.Null()]) }) }) },
      },
    }, async (request) => {
      callerOf(request);
      const s = deps.settings;
      return { radiusM: s.nearbyRadiusM, maxAccuracyM: s.maxAccuracyM, windowMinutes: s.windowMinutes, requestTtlSeconds: s.requestTtlSeconds, qrRefreshSeconds: QR_REFRESH_MS / 1000, meetMinutes: MEET_MS / 60_000, map: s.map };
    });

    app.get('/connections/nearby', {
      schema: { tags, summary: 'Officers near you now (as last told over the websocket)', security: bearer, response: { 200: Type.Object({ officers: Type.Array(NearbyOfficerBody) }) } },
    }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { officers: deps.map.nearbyOf(callerOf(request).accountId).map(presentNearby) };
    });

    app.get('/connections/virtual-officers', {
      schema: {
        tags, summary: 'Officers available for a virtual connection, newest first', security: bearer,
        querystring: Type.Intersect([PageQuery, Type.Object({ precinctId: Type.Optional(Type.String({ format: 'uuid' })) })]),
        response: { 200: Type.Object({ officers: Type.Array(VirtualOfficerBody), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    }, async (request, reply) => {
      callerOf(request);
      const { precinctId, cursor, limit } = request.query as { precinctId?: string; cursor?: string; limit: number };
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
      schema: { tags, summary: 'A fresh connection code to show (rotate every 15 s; valid 30 s; works once)', security: bearer, response: { 201: QrBody } },
    }, async (request, reply) => {
      const qr = await issueQr(deps, callerOf(request));
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ token: qr.token, shortCode: qr.shortCode, expiresAt: qr.expiresAt.toISOString(), refreshAt: qr.refreshAt.toISOString() });
    });

    app.post('/connections/qr/scan', {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags, summary: 'Connect by scanning someone’s code, or typing its short code', security: bearer,
        body: Type.Object({ token: Type.Optional(Type.String({ maxLength: 1000 })), shortCode: Type.Optional(Type.String({ maxLength: 20 })) }, { additionalProperties: false }),
        response: { 201: Type.Object({ connection: ConnectionBody }) },
      },
    }, async (request, reply) => {
      const body = request.body as { token?: string; shortCode?: string };
      if ((body.token === undefined) === (body.shortCode === undefined)) throw new AppError('PLATFORM_VALIDATION_FAILED', 'Send either token or shortCode.');
      const connection = await scanQr(deps, callerOf(request), body);
      return reply.status(201).send({ connection: presentConnection(connection, deps.clock.now()) });
    });

    app.get('/connections', {
      schema: { tags, summary: 'Your connections, newest first', security: bearer, querystring: PageQuery, response: { 200: Type.Object({ items: Type.Array(ConnectionBody), nextCursor: Type.Union([Type.String(), Type.Null()]) }) } },
    }, async (request, reply) => {
      const caller = callerOf(request);
      const { cursor, limit } = request.query as { cursor?: string; limit: number };
      reply.header('cache-control', 'no-store');
      const page = await deps.store.connectionsOf(deps.db, caller.accountId, cursor, limit);
      const now = deps.clock.now();
      return { items: page.items.map((c) => presentConnection(c, now)), nextCursor: page.nextCursor };
    });

    app.get('/connections/fraud-flags', {
      schema: { tags: ['admin'], summary: 'Implausible location jumps, newest first (admins)', security: bearer, querystring: PageQuery, response: { 200: Type.Object({ items: Type.Array(FraudFlagBody), nextCursor: Type.Union([Type.String(), Type.Null()]) }) } },
    }, async (request) => {
      const caller = callerOf(request);
      if (!caller.roles.includes('admin')) throw new AppError('PLATFORM_FORBIDDEN');
      const { cursor, limit } = request.query as { cursor?: string; limit: number };
      const page = await deps.store.fraudFlags(deps.db, cursor, limit);
      return { items: page.items.map((f) => ({ ...f, flaggedAt: f.flaggedAt.toISOString() })), nextCursor: page.nextCursor };
    });
  };
}
