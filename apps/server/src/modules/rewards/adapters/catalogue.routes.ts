import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CategoriesAnswer, CausePage, CauseSearchQuery, OfferAnswer, OfferPage, OfferParams, OfferSearchQuery } from '@heyblue/contracts/rewards';
import { AppError } from '../../../platform/errors/app-error.ts';
import { offerById, offerCategories, searchCauses, searchOffers } from '../application/browse.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { callerOf } from './caller.ts';

const bearer = [{ bearer: [] }];
const tags = ['rewards'];

/** What points buy and where they can go: offers, schemes and causes, for signed-in people. */
export function catalogueRoutes(deps: RewardsDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/rewards/offers', {
      schema: {
        tags, summary: 'Active offers and schemes: by text, category, kind and price; nearest first with near=lat,lon (offers without a place last; only those within radiusKm when given), otherwise newest first', security: bearer,
        querystring: OfferSearchQuery, response: { 200: OfferPage },
      },
    }, async (request) => {
      callerOf(request);
      const query = request.query;
      return searchOffers(deps, {
        text: query.q?.trim() || null, category: query.category ?? null, kind: query.kind ?? null, maxPoints: query.maxPoints ?? null,
        near: nearOf(query.near), radiusKm: query.radiusKm ?? null, limit: query.limit ?? 20, cursor: query.cursor,
      });
    });

    app.get('/rewards/offers/categories', { schema: { tags, summary: 'The categories open offers are in, in the fixed list’s order', security: bearer, response: { 200: CategoriesAnswer } } }, async (request) => {
      callerOf(request);
      return { items: await offerCategories(deps) };
    });

    app.get('/rewards/offers/:offerId', { schema: { tags, summary: 'One offer', security: bearer, params: OfferParams, response: { 200: OfferAnswer } } }, async (request) => {
      callerOf(request);
      return { offer: await offerById(deps, request.params.offerId) };
    });

    app.get('/rewards/causes', {
      schema: { tags, summary: 'Active causes by text', security: bearer, querystring: CauseSearchQuery, response: { 200: CausePage } },
    }, async (request) => {
      callerOf(request);
      const query = request.query;
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
