import { AppError } from '../../../platform/errors/app-error.ts';
import { convertUpload } from '../../../platform/images/images.ts';
import { CATALOGUE_IMAGE_LIMITS, CATALOGUE_IMAGE_REFUSALS, CATALOGUE_IMAGE_SIZE } from '../domain/catalogue-images.ts';
import { audienceOf } from './manage-offers.ts';
import { organisationForMember } from './partner-access.ts';
import type { CatalogueImage, Pictured, Tx } from './ports.ts';
import type { Caller, RewardsDeps } from './rewards-deps.ts';
import { presentCause, presentPartnerOffer } from './views.ts';

/** The WebP kept of an upload, or the refusal of a file that cannot be one (decoded before any transaction: it is slow). */
async function pictureOf(deps: RewardsDeps, upload: Buffer): Promise<Buffer> {
  const converted = await convertUpload(deps.images, upload, CATALOGUE_IMAGE_LIMITS, CATALOGUE_IMAGE_SIZE);
  if (!converted.ok) throw new AppError(CATALOGUE_IMAGE_REFUSALS[converted.problem]);
  return converted.image;
}

/** Reads the upload's bytes; called only once the caller may set the picture, so nobody else learns anything from how their upload is answered. */
export type UploadReader = () => Promise<Buffer>;

/**
 * Sets an offer's picture (replacing any) for a member of its organisation: the bytes must really be a
 * JPEG, PNG or WebP of sane size; what is kept is an 800×500 WebP without metadata. Without an upload, removes it.
 */
export async function setOfferImage(deps: RewardsDeps, caller: Caller, organisationId: string, offerId: string, upload: UploadReader | null) {
  const org = await organisationForMember(deps, caller, organisationId, 'offers');
  const ownOffer = async (tx: Tx, lock: boolean) => {
    const offer = await deps.catalogue.offer(tx, offerId, lock);
    if (!offer || offer.organisationId !== organisationId) throw new AppError('REWARDS_OFFER_NOT_FOUND');
    return offer;
  };
  await ownOffer(deps.db, false);
  const image = upload ? await pictureOf(deps, await upload()) : null;
  return deps.transaction(async (tx) => {
    const offer = await ownOffer(tx, true);
    const now = deps.clock.now();
    if (image) await deps.catalogue.setImage(tx, 'offer', offerId, image, now);
    else await deps.catalogue.removeImage(tx, 'offer', offerId);
    return presentPartnerOffer({ ...offer, imageUpdatedAt: image ? now : null }, audienceOf(org.callerRole));
  });
}

/** Sets a cause's picture (replacing any) for a member of its charity; without an upload, removes it. */
export async function setCauseImage(deps: RewardsDeps, caller: Caller, organisationId: string, causeId: string, upload: UploadReader | null) {
  await organisationForMember(deps, caller, organisationId, 'causes');
  const ownCause = async (tx: Tx, lock: boolean) => {
    const cause = await deps.catalogue.cause(tx, causeId, lock);
    if (!cause || cause.organisationId !== organisationId) throw new AppError('REWARDS_CAUSE_NOT_FOUND');
    return cause;
  };
  await ownCause(deps.db, false);
  const image = upload ? await pictureOf(deps, await upload()) : null;
  return deps.transaction(async (tx) => {
    const cause = await ownCause(tx, true);
    const now = deps.clock.now();
    if (image) await deps.catalogue.setImage(tx, 'cause', causeId, image, now);
    else await deps.catalogue.removeImage(tx, 'cause', causeId);
    return presentCause({ ...cause, imageUpdatedAt: image ? now : null });
  });
}

/** An offer's or cause's picture, for anyone: what the catalogue shows is public, whatever the offer's status. */
export async function catalogueImage(deps: RewardsDeps, of: Pictured, id: string): Promise<CatalogueImage> {
  const found = await deps.catalogue.image(deps.db, of, id);
  if (!found) throw new AppError('REWARDS_IMAGE_NOT_FOUND');
  return found;
}
