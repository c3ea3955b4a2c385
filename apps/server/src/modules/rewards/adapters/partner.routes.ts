import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { causesOfOrganisation, charityStatement, createCause, donationsOfOrganisation, organisationSummary, updateCause, type CauseInput } from '../application/manage-causes.ts';
import { createOffer, offersOfOrganisation, redemptionsOf, updateOffer, type OfferInput } from '../application/manage-offers.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { checkVoucher, presentedAs, useVoucher } from '../application/voucher-at-till.ts';
import { callerOf, tillLimiter } from './caller.ts';
import { CauseBody, CauseInputBody, OfferBody, OfferInputBody, PageOf, PageQuery, TillVoucherBody } from './rewards-schemas.ts';

const bearer = [{ bearer: [] }];
const tags = ['rewards (partners)'];
const Uuid = Type.String({ format: 'uuid' });
const OrgParams = Type.Object({ orgId: Uuid });
const writes = { rateLimit: { max: 120, timeWindow: 60_000 } };
const CodeBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

/** The partner dashboard's rewards work: offers, the till, causes, donations and statements, for members of the organisation. */
export function partnerRoutes(deps: RewardsDeps, options: { shortCodesPerMinute: number }) {
  const till = tillLimiter(options.shortCodesPerMinute);
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/rewards/organisations/:orgId/summary', { schema: { tags, summary: 'The organisation’s points balance and the points’ money rate', security: bearer, params: OrgParams } }, async (request) => {
      const { orgId } = request.params as { orgId: string };
      return organisationSummary(deps, callerOf(request), orgId);
    });

    app.get('/rewards/organisations/:orgId/offers', { schema: { tags, summary: 'The organisation’s offers, all statuses', security: bearer, params: OrgParams, querystring: PageQuery, response: { 200: PageOf(OfferBody) } } }, async (request) => {
      const { orgId } = request.params as { orgId: string };
      const { limit = 20, cursor } = request.query as { limit?: number; cursor?: string };
      return offersOfOrganisation(deps, callerOf(request), orgId, limit, cursor);
    });

    app.post('/rewards/organisations/:orgId/offers', { config: writes, schema: { tags, summary: 'Create an offer (a municipality’s is a scheme)', security: bearer, params: OrgParams, body: OfferInputBody, response: { 201: Type.Object({ offer: OfferBody }) } } }, async (request, reply) => {
      const { orgId } = request.params as { orgId: string };
      const body = request.body as OfferInput;
      return reply.status(201).send({ offer: await createOffer(deps, callerOf(request), orgId, { ...body, startsAt: body.startsAt ?? null, issuerUrl: body.issuerUrl ?? null }) });
    });

    app.patch('/rewards/organisations/:orgId/offers/:offerId', { config: writes, schema: { tags, summary: 'Change an offer; `stock` sets what is left', security: bearer, params: Type.Object({ orgId: Uuid, offerId: Uuid }), body: Type.Partial(OfferInputBody), response: { 200: Type.Object({ offer: OfferBody }) } } }, async (request) => {
      const { orgId, offerId } = request.params as { orgId: string; offerId: string };
      return { offer: await updateOffer(deps, callerOf(request), orgId, offerId, request.body as Partial<OfferInput>) };
    });

    app.get('/rewards/organisations/:orgId/redemptions', { schema: { tags, summary: 'Vouchers the organisation issued (never who holds them)', security: bearer, params: OrgParams, querystring: PageQuery, response: { 200: PageOf(TillVoucherBody) } } }, async (request) => {
      const { orgId } = request.params as { orgId: string };
      const { limit = 20, cursor } = request.query as { limit?: number; cursor?: string };
      return redemptionsOf(deps, callerOf(request), orgId, limit, cursor);
    });

    app.post('/rewards/organisations/:orgId/vouchers/check', { config: writes, schema: { tags, summary: 'What a scanned or typed voucher is for, without using it', security: bearer, params: OrgParams, body: CodeBody, response: { 200: Type.Object({ voucher: TillVoucherBody }) } } }, async (request) => {
      const { orgId } = request.params as { orgId: string };
      const { code } = request.body as { code: string };
      if (presentedAs(code) === 'typed') till.take(request);
      return { voucher: await checkVoucher(deps, callerOf(request), orgId, code) };
    });

    app.post('/rewards/organisations/:orgId/vouchers/use', { config: writes, schema: { tags, summary: 'Mark a voucher used: exactly once, whichever till is first', security: bearer, params: OrgParams, body: CodeBody, response: { 200: Type.Object({ voucher: TillVoucherBody }) } } }, async (request) => {
      const { orgId } = request.params as { orgId: string };
      const { code } = request.body as { code: string };
      if (presentedAs(code) === 'typed') till.take(request);
      return { voucher: await useVoucher(deps, callerOf(request), orgId, code) };
    });

    app.get('/rewards/organisations/:orgId/causes', { schema: { tags, summary: 'The charity’s causes', security: bearer, params: OrgParams, querystring: PageQuery, response: { 200: PageOf(CauseBody) } } }, async (request) => {
      const { orgId } = request.params as { orgId: string };
      const { limit = 20, cursor } = request.query as { limit?: number; cursor?: string };
      return causesOfOrganisation(deps, callerOf(request), orgId, limit, cursor);
    });

    app.post('/rewards/organisations/:orgId/causes', { config: writes, schema: { tags, summary: 'Create a cause (or a family in need the charity vouches for)', security: bearer, params: OrgParams, body: CauseInputBody, response: { 201: Type.Object({ cause: CauseBody }) } } }, async (request, reply) => {
      const { orgId } = request.params as { orgId: string };
      return reply.status(201).send({ cause: await createCause(deps, callerOf(request), orgId, request.body as CauseInput) });
    });

    app.patch('/rewards/organisations/:orgId/causes/:causeId', { config: writes, schema: { tags, summary: 'Change a cause', security: bearer, params: Type.Object({ orgId: Uuid, causeId: Uuid }), body: Type.Partial(CauseInputBody), response: { 200: Type.Object({ cause: CauseBody }) } } }, async (request) => {
      const { orgId, causeId } = request.params as { orgId: string; causeId: string };
      return { cause: await updateCause(deps, callerOf(request), orgId, causeId, request.body as Partial<CauseInput>) };
    });

    app.get('/rewards/organisations/:orgId/donations', { schema: { tags, summary: 'Donations the charity received, newest first (donors stay anonymous)', security: bearer, params: OrgParams, querystring: PageQuery } }, async (request) => {
      const { orgId } = request.params as { orgId: string };
      const { limit = 20, cursor } = request.query as { limit?: number; cursor?: string };
      return donationsOfOrganisation(deps, callerOf(request), orgId, limit, cursor);
    });

    app.get('/rewards/organisations/:orgId/statements/:month', { schema: { tags, summary: 'A month’s donations and their money value (CSV)', security: bearer, params: Type.Object({ orgId: Uuid, month: Type.String({ maxLength: 7 }) }) } }, async (request, reply) => {
      const { orgId, month } = request.params as { orgId: string; month: string };
      const csv = await charityStatement(deps, callerOf(request), orgId, month);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="heyblue-statement-${month}.csv"`).header('cache-control', 'no-store').send(csv);
    });
  };
}
