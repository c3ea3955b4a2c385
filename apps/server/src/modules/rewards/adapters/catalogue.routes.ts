import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/errors/app-error.ts';
import { offerById, offerCategories, searchCauses, searchOffers } from '../application/browse.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { callerOf } from './caller.ts';
import { CauseBody, OfferBody, PageOf, PageQuery } from './rewards-schemas.ts';

const bearer = [{ bearer: [] }];
const tags = ['rewards'];

/** What points buy and where they can go: offers, schemes and causes, for signed-in people. */
export function catalogueRoutes(deps: RewardsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/rewards/offers', {
      schema: {
        tags, summary: 'Active offers and schemes: by text, category, kind, and within radiusKm of near=lat,lon (then nearest first; otherwise newest first)', security: bearer,
        querystring: Type.Intersect([PageQuery, Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), category: Type.Optional(Type.String({ maxLength: 40 })), kind: Type.Optional(Type.Union([Type.Literal('offer'), Type.Literal('scheme')])), near: Type.Optional(Type.String({ maxLength: 60 })), radiusKm: Type.Optional(Type.Number({ minimum: 0.1, maximum: 500, default: 10 })) })]),
        response: { 200: PageOf(OfferBody) },
      },
    }, async (request) => {
      callerOf(request);
      const query = request.query as { q?: string; category?: string; kind?: 'offer' | 'scheme'; near?: string; radiusKm?: number; limit?: number; cursor?: string };
      return searchOffers(deps, { text: query.q?.trim() || null, category: query.category?.trim().toLowerCase() || null, kind: query.kind ?? null, near: nearOf(query.near), radiusKm: query.radiusKm ?? 10, limit: query.limit ?? 20, cursor: query.cursor });
    });

    app.get('/rewards/offers/categories', { schema: { tags, summary: 'Categories in use', security: bearer } }, async (request) => {
      callerOf(request);
      return { items: await offerCategories(deps) };
    });

    app.get('/rewards/offers/:offerId', { schema: { tags, summary: 'One offer', security: bearer, params: Type.Object({ offerId: Type.String({ format: 'uuid' }) }), response: { 200: Type.Object({ offer: OfferBody }) } } }, async (request) => {
      callerOf(request);
      const { offerId } = request.params as { offerId: string };
      return { offer: await offerById(deps, offerId) };
    });

    app.get('/rewards/causes', {
      schema: { tags, summary: 'Active causes by text', security: bearer, querystring: Type.Intersect([PageQuery, Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) })]), response: { 200: PageOf(CauseBody) } },
    }, async (request) => {
      callerOf(request);
      const query = request.query as { q?: string; limit?: number; cursor?: string };
      return searchCauses(deps, query.q?.trim() || null, query.limit ?? 20, query.cursor);
    });
  };
}

/** `lat,lon` → a point, or a 400 when it is not one. */
function nearOf(near: string | undefined): { lat: number; lon: number } | null {
  if (!near) return null;
  const [lat, lon] = near.split(',').map(Number);
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new AppError('PLATFORM_VALIDATION_FAILED', 'near is lat,lon in degrees.');
  return { lat, lon };
}
