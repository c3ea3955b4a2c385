import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { colleagues, myVoucher, myVouchers } from '../application/browse.ts';
import { cancelVoucher } from '../application/cancel-voucher.ts';
import { donate } from '../application/donate.ts';
import { sendGift } from '../application/gift.ts';
import { redeemOffer } from '../application/redeem-offer.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { walletHistory, walletOf, walletStatement } from '../application/wallet.ts';
import { callerOf, idempotencyKeyOf } from './caller.ts';
import { MovementBody, PageOf, PageQuery, VoucherBody } from './rewards-schemas.ts';

const bearer = [{ bearer: [] }];
const tags = ['rewards'];
// Optional in the schema so a missing key gets rewards' own error code (REWARDS_IDEMPOTENCY_KEY_REQUIRED), which says how to send one.
const keyed = { 'idempotency-key': Type.Optional(Type.String({ description: 'Required: a fresh key per user action (8–100 of A-Za-z0-9_-); the same key replays the first outcome' })) };
const Uuid = Type.String({ format: 'uuid' });
const writes = { rateLimit: { max: 60, timeWindow: 60_000 } };

/** A person's wallet: balance, history, statement, vouchers, redeeming, donating and gifting. */
export function walletRoutes(deps: RewardsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/rewards/wallet', { schema: { tags, summary: 'Your balance, what you may do, and today’s giving against its caps', security: bearer } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { wallet: await walletOf(deps, callerOf(request)) };
    });

    app.get('/rewards/wallet/history', { schema: { tags, summary: 'Your movements, newest first (each award names the rule and version that granted it)', security: bearer, querystring: PageQuery, response: { 200: PageOf(MovementBody) } } }, async (request, reply) => {
      const { limit = 20, cursor } = request.query as { limit?: number; cursor?: string };
      reply.header('cache-control', 'no-store');
      return walletHistory(deps, callerOf(request), limit, cursor);
    });

    app.get('/rewards/wallet/statement', { schema: { tags, summary: 'Your movements in a month (CSV, in the deployment’s time zone)', security: bearer, querystring: Type.Object({ month: Type.String({ maxLength: 7 }) }) } }, async (request, reply) => {
      const { month } = request.query as { month: string };
      const csv = await walletStatement(deps, callerOf(request), month);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="heyblue-points-${month}.csv"`).header('cache-control', 'no-store').send(csv);
    });

    app.post('/rewards/offers/:offerId/redeem', {
      config: writes,
      schema: { tags, summary: 'Redeem an offer for a voucher (citizens)', description: 'One transaction: points, stock and voucher, or nothing. For an external issuer the voucher is `pending` until its code arrives.', security: bearer, headers: Type.Object(keyed), params: Type.Object({ offerId: Uuid }), response: { 200: Type.Object({ voucher: VoucherBody, balance: Type.Integer() }), 201: Type.Object({ voucher: VoucherBody, balance: Type.Integer() }) } },
    }, async (request, reply) => {
      const { offerId } = request.params as { offerId: string };
      const result = await redeemOffer(deps, callerOf(request), offerId, idempotencyKeyOf(request));
      return reply.status(201).send(result.body);
    });

    app.get('/rewards/vouchers', { schema: { tags, summary: 'Your vouchers, newest first', security: bearer, querystring: PageQuery, response: { 200: PageOf(VoucherBody) } } }, async (request, reply) => {
      const { limit = 20, cursor } = request.query as { limit?: number; cursor?: string };
      reply.header('cache-control', 'no-store');
      return myVouchers(deps, callerOf(request), limit, cursor);
    });

    app.get('/rewards/vouchers/:voucherId', { schema: { tags, summary: 'One of your vouchers', security: bearer, params: Type.Object({ voucherId: Uuid }), response: { 200: Type.Object({ voucher: VoucherBody }) } } }, async (request, reply) => {
      const { voucherId } = request.params as { voucherId: string };
      reply.header('cache-control', 'no-store');
      return { voucher: await myVoucher(deps, callerOf(request), voucherId) };
    });

    app.post('/rewards/vouchers/:voucherId/cancel', {
      config: writes,
      schema: { tags, summary: 'Cancel an unused voucher: points and stock go back', security: bearer, headers: Type.Object(keyed), params: Type.Object({ voucherId: Uuid }), response: { 200: Type.Object({ voucher: VoucherBody, balance: Type.Integer() }) } },
    }, async (request) => {
      const { voucherId } = request.params as { voucherId: string };
      return (await cancelVoucher(deps, callerOf(request), voucherId, idempotencyKeyOf(request))).body;
    });

    app.post('/rewards/causes/:causeId/donations', {
      config: writes,
      schema: { tags, summary: 'Donate points to a cause', security: bearer, headers: Type.Object(keyed), params: Type.Object({ causeId: Uuid }), body: Type.Object({ points: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }, { additionalProperties: false }) },
    }, async (request, reply) => {
      const { causeId } = request.params as { causeId: string };
      const { points } = request.body as { points: number };
      const result = await donate(deps, callerOf(request), causeId, points, idempotencyKeyOf(request));
      return reply.status(201).send(result.body);
    });

    app.get('/rewards/colleagues', { schema: { tags, summary: 'The other verified officers of your precinct (officers)', security: bearer } }, async (request) => ({ items: await colleagues(deps, callerOf(request)) }));

    app.post('/rewards/gifts', {
      config: writes,
      schema: { tags, summary: 'Gift points to a colleague (or a citizen, where enabled)', security: bearer, headers: Type.Object(keyed), body: Type.Object({ recipientId: Uuid, points: Type.Integer({ minimum: 1, maximum: 1_000_000 }), message: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])) }, { additionalProperties: false }) },
    }, async (request, reply) => {
      const body = request.body as { recipientId: string; points: number; message?: string | null };
      const message = body.message?.trim() || null;
      const result = await sendGift(deps, callerOf(request), { recipientId: body.recipientId, points: body.points, message }, idempotencyKeyOf(request));
      return reply.status(201).send(result.body);
    });
  };
}
