import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CauseAnswer, CauseInput, CausePage, CausePatch, CharityStatementParams, OfferInput, OfferPatch, OrganisationCauseParams, OrganisationOfferParams, OrganisationParams, OrganisationSummary,
  PartnerOfferAnswer, PartnerOfferPage, ReceivedDonationPage, TillVoucherAnswer, TillVoucherPage, VoucherCodeInput,
} from '@heyblue/contracts/rewards';
import { PageQuery } from '@heyblue/contracts/shared';
import { causesOfOrganisation, charityStatement, createCause, donationsOfOrganisation, organisationSummary, updateCause } from '../application/manage-causes.ts';
import { createOffer, offersOfOrganisation, redemptionsOf, updateOffer } from '../application/manage-offers.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { checkVoucher, presentedAs, useVoucher } from '../application/voucher-at-till.ts';
import { callerOf, tillLimiter } from './caller.ts';

const bearer = [{ bearer: [] }];
const tags = ['rewards (partners)'];
const writes = { rateLimit: { max: 120, timeWindow: 60_000 } };

/** The partner dashboard's rewards work: offers, the till, causes, donations and statements, for members of the organisation. */
export function partnerRoutes(deps: RewardsDeps, options: { shortCodesPerMinute: number }): FastifyPluginAsyncTypebox {
  const till = tillLimiter(options.shortCodesPerMinute);
  return async (app) => {
    app.get('/rewards/organisations/:orgId/summary', { schema: { tags, summary: 'The organisation’s points balance and the points’ money rate', security: bearer, params: OrganisationParams, response: { 200: OrganisationSummary } } }, async (request) =>
      organisationSummary(deps, callerOf(request), request.params.orgId));

    app.get('/rewards/organisations/:orgId/offers', { schema: { tags, summary: 'The organisation’s offers, all statuses', security: bearer, params: OrganisationParams, querystring: PageQuery, response: { 200: PartnerOfferPage } } }, async (request) => {
      const { limit = 20, cursor } = request.query;
      return offersOfOrganisation(deps, callerOf(request), request.params.orgId, limit, cursor);
    });

    app.post('/rewards/organisations/:orgId/offers', { config: writes, schema: { tags, summary: 'Create an offer (a municipality’s is a scheme)', security: bearer, params: OrganisationParams, body: OfferInput, response: { 201: PartnerOfferAnswer } } }, async (request, reply) => {
      const body = request.body;
      return reply.status(201).send({ offer: await createOffer(deps, callerOf(request), request.params.orgId, { ...body, startsAt: body.startsAt ?? null, issuerUrl: body.issuerUrl ?? null }) });
    });

    app.patch('/rewards/organisations/:orgId/offers/:offerId', { config: writes, schema: { tags, summary: 'Change an offer; `stock` sets what is left', security: bearer, params: OrganisationOfferParams, body: OfferPatch, response: { 200: PartnerOfferAnswer } } }, async (request) =>
      ({ offer: await updateOffer(deps, callerOf(request), request.params.orgId, request.params.offerId, request.body) }));

    app.get('/rewards/organisations/:orgId/redemptions', { schema: { tags, summary: 'Vouchers the organisation issued (never who holds them)', security: bearer, params: OrganisationParams, querystring: PageQuery, response: { 200: TillVoucherPage } } }, async (request) => {
      const { limit = 20, cursor } = request.query;
      return redemptionsOf(deps, callerOf(request), request.params.orgId, limit, cursor);
    });

    app.post('/rewards/organisations/:orgId/vouchers/check', { config: writes, schema: { tags, summary: 'What a scanned or typed voucher is for, without using it', security: bearer, params: OrganisationParams, body: VoucherCodeInput, response: { 200: TillVoucherAnswer } } }, async (request) => {
      const { code } = request.body;
      if (presentedAs(code) === 'typed') till.take(request);
      return { voucher: await checkVoucher(deps, callerOf(request), request.params.orgId, code) };
    });

    app.post('/rewards/organisations/:orgId/vouchers/use', { config: writes, schema: { tags, summary: 'Mark a voucher used: exactly once, whichever till is first', security: bearer, params: OrganisationParams, body: VoucherCodeInput, response: { 200: TillVoucherAnswer } } }, async (request) => {
      const { code } = request.body;
      if (presentedAs(code) === 'typed') till.take(request);
      return { voucher: await useVoucher(deps, callerOf(request), request.params.orgId, code) };
    });

    app.get('/rewards/organisations/:orgId/causes', { schema: { tags, summary: 'The charity’s causes', security: bearer, params: OrganisationParams, querystring: PageQuery, response: { 200: CausePage } } }, async (request) => {
      const { limit = 20, cursor } = request.query;
      return causesOfOrganisation(deps, callerOf(request), request.params.orgId, limit, cursor);
    });

    app.post('/rewards/organisations/:orgId/causes', { config: writes, schema: { tags, summary: 'Create a cause (or a family in need the charity vouches for)', security: bearer, params: OrganisationParams, body: CauseInput, response: { 201: CauseAnswer } } }, async (request, reply) =>
      reply.status(201).send({ cause: await createCause(deps, callerOf(request), request.params.orgId, request.body) }));

    app.patch('/rewards/organisations/:orgId/causes/:causeId', { config: writes, schema: { tags, summary: 'Change a cause', security: bearer, params: OrganisationCauseParams, body: CausePatch, response: { 200: CauseAnswer } } }, async (request) =>
      ({ cause: await updateCause(deps, callerOf(request), request.params.orgId, request.params.causeId, request.body) }));

    app.get('/rewards/organisations/:orgId/donations', { schema: { tags, summary: 'Donations the charity received, newest first (donors stay anonymous)', security: bearer, params: OrganisationParams, querystring: PageQuery, response: { 200: ReceivedDonationPage } } }, async (request) => {
      const { limit = 20, cursor } = request.query;
      return donationsOfOrganisation(deps, callerOf(request), request.params.orgId, limit, cursor);
    });

    app.get('/rewards/organisations/:orgId/statements/:month', { schema: { tags, summary: 'A month’s donations and their money value (CSV)', security: bearer, params: CharityStatementParams } }, async (request, reply) => {
      const { orgId, month } = request.params;
      const csv = await charityStatement(deps, callerOf(request), orgId, month);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="heyblue-statement-${month}.csv"`).header('cache-control', 'no-store').send(csv);
    });
  };
}
