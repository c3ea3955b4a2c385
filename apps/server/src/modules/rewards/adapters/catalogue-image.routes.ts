import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CauseAnswer, CauseParams, ImageQuery, OfferParams, OrganisationCauseParams, OrganisationOfferParams, PartnerOfferAnswer } from '@heyblue/contracts/rewards';
import { publicImageCaching, sendWebp, webpAnswers } from '../../../platform/http/image-answer.ts';
import { acceptSingleFileUploads, readSingleFile, type UploadRefusals } from '../../../platform/http/single-file-upload.ts';
import { catalogueImage, setCauseImage, setOfferImage } from '../application/catalogue-images.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { CATALOGUE_IMAGE_MAX_BYTES } from '../domain/catalogue-images.ts';
import { callerOf } from './caller.ts';

const bearer = [{ bearer: [] }];
const writes = { rateLimit: { max: 60, timeWindow: 60_000 } };
const uploadDescription = 'A multipart/form-data body with one file (any field name): a JPEG, PNG or WebP of at most 8 MiB and 8000 pixels a side, judged by its bytes (its name and declared type are ignored). It is kept as an 800×500 WebP (cropped to cover) without metadata.';

/** How a bad picture upload is answered. */
const UPLOAD_REFUSALS: UploadRefusals = { missing: 'REWARDS_IMAGE_MISSING', formInvalid: 'REWARDS_IMAGE_FORM_INVALID', tooLarge: 'REWARDS_IMAGE_TOO_LARGE' };

/** Pictures of offers and causes: set and removed by the organisation's members, fetched by anyone. */
export function catalogueImageRoutes(deps: RewardsDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Only these routes take multipart bodies, each with one file of at most 8 MiB and nothing else.
    await acceptSingleFileUploads(app, CATALOGUE_IMAGE_MAX_BYTES);
    const partners = ['rewards (partners)'];

    app.put('/rewards/organisations/:orgId/offers/:offerId/image', {
      config: writes,
      schema: { tags: partners, summary: 'Set an offer’s picture', description: uploadDescription, security: bearer, consumes: ['multipart/form-data'], params: OrganisationOfferParams, response: { 200: PartnerOfferAnswer } },
    }, async (request, reply) => {
      const upload = () => readSingleFile(request, reply, CATALOGUE_IMAGE_MAX_BYTES, UPLOAD_REFUSALS);
      return { offer: await setOfferImage(deps, callerOf(request), request.params.orgId, request.params.offerId, upload) };
    });

    app.delete('/rewards/organisations/:orgId/offers/:offerId/image', {
      config: writes,
      schema: { tags: partners, summary: 'Remove an offer’s picture', security: bearer, params: OrganisationOfferParams, response: { 200: PartnerOfferAnswer } },
    }, async (request) => ({ offer: await setOfferImage(deps, callerOf(request), request.params.orgId, request.params.offerId, null) }));

    app.put('/rewards/organisations/:orgId/causes/:causeId/image', {
      config: writes,
      schema: { tags: partners, summary: 'Set a cause’s picture', description: uploadDescription, security: bearer, consumes: ['multipart/form-data'], params: OrganisationCauseParams, response: { 200: CauseAnswer } },
    }, async (request, reply) => {
      const upload = () => readSingleFile(request, reply, CATALOGUE_IMAGE_MAX_BYTES, UPLOAD_REFUSALS);
      return { cause: await setCauseImage(deps, callerOf(request), request.params.orgId, request.params.causeId, upload) };
    });

    app.delete('/rewards/organisations/:orgId/causes/:causeId/image', {
      config: writes,
      schema: { tags: partners, summary: 'Remove a cause’s picture', security: bearer, params: OrganisationCauseParams, response: { 200: CauseAnswer } },
    }, async (request) => ({ cause: await setCauseImage(deps, callerOf(request), request.params.orgId, request.params.causeId, null) }));

    const served = 'Anyone may fetch it (an <img> sends no token; what the catalogue shows is public). Asked for at its current version (`v`, as its URL carries it) it may be cached for a year; otherwise it is revalidated by ETag (304).';

    app.get('/rewards/offers/:offerId/image', {
      schema: { tags: ['rewards'], summary: 'An offer’s picture', description: served, security: [{}], params: OfferParams, querystring: ImageQuery, response: webpAnswers('an 800×500 WebP') },
    }, async (request, reply) => {
      const image = await catalogueImage(deps, 'offer', request.params.offerId);
      return sendWebp(request, reply, image, publicImageCaching(request.query.v, image.updatedAt));
    });

    app.get('/rewards/causes/:causeId/image', {
      schema: { tags: ['rewards'], summary: 'A cause’s picture', description: served, security: [{}], params: CauseParams, querystring: ImageQuery, response: webpAnswers('an 800×500 WebP') },
    }, async (request, reply) => {
      const image = await catalogueImage(deps, 'cause', request.params.causeId);
      return sendWebp(request, reply, image, publicImageCaching(request.query.v, image.updatedAt));
    });
  };
}
