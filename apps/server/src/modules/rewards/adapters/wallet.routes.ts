import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CauseParams, ColleaguesAnswer, DonationInput, DonationWithBalance, GiftInput, GiftWithBalance, IdempotencyHeaders, MovementPage, OfferParams, StatementQuery, VoucherAnswer, VoucherPage, VoucherParams, VoucherWithBalance, WalletAnswer } from '@heyblue/contracts/rewards';
import { PageQuery } from '@heyblue/contracts/shared';
import { colleagues, myVoucher, myVouchers } from '../application/browse.ts';
import { cancelVoucher } from '../application/cancel-voucher.ts';
import { donate } from '../application/donate.ts';
import { sendGift } from '../application/gift.ts';
import { redeemOffer } from '../application/redeem-offer.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { walletHistory, walletOf, walletStatement } from '../application/wallet.ts';
import { callerOf, idempotencyKeyOf } from './caller.ts';

const bearer = [{ bearer: [] }];
const tags = ['rewards'];
const writes = { rateLimit: { max: 60, timeWindow: 60_000 } };

/** A person's wallet: balance, history, statement, vouchers, redeeming, donating and gifting. */
export function walletRoutes(deps: RewardsDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/rewards/wallet', { schema: { tags, summary: 'Your balance, what you may do, and today’s giving against its caps', security: bearer, response: { 200: WalletAnswer } } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { wallet: await walletOf(deps, callerOf(request)) };
    });

    app.get('/rewards/wallet/history', { schema: { tags, summary: 'Your movements, newest first (each award names the rule and version that granted it)', security: bearer, querystring: PageQuery, response: { 200: MovementPage } } }, async (request, reply) => {
      const { limit = 20, cursor } = request.query;
      reply.header('cache-control', 'no-store');
      return walletHistory(deps, callerOf(request), limit, cursor);
    });

    app.get('/rewards/wallet/statement', { schema: { tags, summary: 'Your movements in a month (CSV, in the deployment’s time zone)', security: bearer, querystring: StatementQuery } }, async (request, reply) => {
      const { month } = request.query;
      const csv = await walletStatement(deps, callerOf(request), month);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="heyblue-points-${month}.csv"`).header('cache-control', 'no-store').send(csv);
    });

    app.post('/rewards/offers/:offerId/redeem', {
      config: writes,
      schema: { tags, summary: 'Redeem an offer for a voucher (citizens)', description: 'One transaction: points, stock and voucher, or nothing. For an external issuer the voucher is `pending` until its code arrives.', security: bearer, headers: IdempotencyHeaders, params: OfferParams, response: { 201: VoucherWithBalance } },
    }, async (request, reply) => {
      const result = await redeemOffer(deps, callerOf(request), request.params.offerId, idempotencyKeyOf(request));
      return reply.status(201).send(result.body);
    });

    app.get('/rewards/vouchers', { schema: { tags, summary: 'Your vouchers, newest first', security: bearer, querystring: PageQuery, response: { 200: VoucherPage } } }, async (request, reply) => {
      const { limit = 20, cursor } = request.query;
      reply.header('cache-control', 'no-store');
      return myVouchers(deps, callerOf(request), limit, cursor);
    });

    app.get('/rewards/vouchers/:voucherId', { schema: { tags, summary: 'One of your vouchers', security: bearer, params: VoucherParams, response: { 200: VoucherAnswer } } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { voucher: await myVoucher(deps, callerOf(request), request.params.voucherId) };
    });

    app.post('/rewards/vouchers/:voucherId/cancel', {
      config: writes,
      schema: { tags, summary: 'Cancel an unused voucher: points and stock go back', security: bearer, headers: IdempotencyHeaders, params: VoucherParams, response: { 200: VoucherWithBalance } },
    }, async (request) => (await cancelVoucher(deps, callerOf(request), request.params.voucherId, idempotencyKeyOf(request))).body);

    app.post('/rewards/causes/:causeId/donations', {
      config: writes,
      schema: { tags, summary: 'Donate points to a cause', security: bearer, headers: IdempotencyHeaders, params: CauseParams, body: DonationInput, response: { 201: DonationWithBalance } },
    }, async (request, reply) => {
      const result = await donate(deps, callerOf(request), request.params.causeId, request.body.points, idempotencyKeyOf(request));
      return reply.status(201).send(result.body);
    });

    app.get('/rewards/colleagues', { schema: { tags, summary: 'The other verified officers of your precinct (officers)', security: bearer, response: { 200: ColleaguesAnswer } } }, async (request) => ({ items: await colleagues(deps, callerOf(request)) }));

    app.post('/rewards/gifts', {
      config: writes,
      schema: { tags, summary: 'Gift points to a colleague (or a citizen, where enabled)', security: bearer, headers: IdempotencyHeaders, body: GiftInput, response: { 201: GiftWithBalance } },
    }, async (request, reply) => {
      const { recipientId, points } = request.body;
      const message = request.body.message?.trim() || null;
      const result = await sendGift(deps, callerOf(request), { recipientId, points, message }, idempotencyKeyOf(request));
      return reply.status(201).send(result.body);
    });
  };
}
