import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/api-error.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';

/** Each rewards error code and the name of its sentence under `rewards.errors`. */
const sentences = {
  REWARDS_IDEMPOTENCY_KEY_REQUIRED: 'idempotencyKeyRequired',
  REWARDS_IDEMPOTENCY_KEY_REUSED: 'idempotencyKeyReused',
  REWARDS_INSUFFICIENT_POINTS: 'insufficientPoints',
  REWARDS_OFFER_NOT_FOUND: 'offerNotFound',
  REWARDS_OFFER_NOT_ACTIVE: 'offerNotActive',
  REWARDS_SOLD_OUT: 'soldOut',
  REWARDS_PER_USER_LIMIT: 'perUserLimit',
  REWARDS_OFFICERS_DO_NOT_REDEEM: 'officersDoNotRedeem',
  REWARDS_VOUCHER_NOT_FOUND: 'voucherNotFound',
  REWARDS_VOUCHER_EXPIRED: 'voucherExpired',
  REWARDS_VOUCHER_ALREADY_USED: 'voucherAlreadyUsed',
  REWARDS_VOUCHER_CANCELLED: 'voucherCancelled',
  REWARDS_VOUCHER_PENDING: 'voucherPending',
  REWARDS_VOUCHER_FAILED: 'voucherFailed',
  REWARDS_ISSUER_REJECTED: 'issuerRejected',
  REWARDS_ISSUER_UNAVAILABLE: 'issuerUnavailable',
  REWARDS_CAUSE_NOT_FOUND: 'causeNotFound',
  REWARDS_CAUSE_INACTIVE: 'causeInactive',
  REWARDS_DONATION_DAILY_CAP: 'donationDailyCap',
  REWARDS_GIFT_DAILY_CAP: 'giftDailyCap',
  REWARDS_GIFTS_NOT_ALLOWED: 'giftsNotAllowed',
  REWARDS_GIFT_TO_SELF: 'giftToSelf',
  REWARDS_RECIPIENT_NOT_FOUND: 'recipientNotFound',
  REWARDS_OFFICERS_ONLY: 'officersOnly',
  REWARDS_MONTH_INVALID: 'monthInvalid',
} as const;

type RewardsCode = keyof typeof sentences;

function isRewardsCode(code: string): code is RewardsCode {
  return Object.hasOwn(sentences, code);
}

/** A translated sentence for an error code alone (e.g. a failed voucher's `failureReason`); undefined when the app does not know it. */
export function rewardsCodeMessage(t: TFunction, code: string): string | undefined {
  return isRewardsCode(code) ? t(`rewards.errors.${sentences[code]}`) : undefined;
}

/** A friendly, translated sentence for a failed rewards call, by its code; the app's usual sentences otherwise. */
export function rewardsErrorMessage(t: TFunction, error: ApiError): string {
  return rewardsCodeMessage(t, error.code) ?? authErrorMessage(t, error);
}
