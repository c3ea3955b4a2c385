import type { TFunction } from 'i18next';
import type { ApiError } from '../../../api/api-error.ts';
import { dashboardErrorMessage } from '../dashboard-errors.ts';

/** Rewards' error codes the dashboard explains in its own words, by translation key. */
const rewardsErrorKeys = {
  REWARDS_VOUCHER_MALFORMED: 'voucherMalformed',
  REWARDS_VOUCHER_FORGED: 'voucherForged',
  REWARDS_VOUCHER_CHECK_DIGIT: 'voucherCheckDigit',
  REWARDS_VOUCHER_UNKNOWN: 'voucherUnknown',
  REWARDS_VOUCHER_FOREIGN: 'voucherForeign',
  REWARDS_VOUCHER_EXPIRED: 'voucherExpired',
  REWARDS_VOUCHER_ALREADY_USED: 'voucherAlreadyUsed',
  REWARDS_VOUCHER_CANCELLED: 'voucherCancelled',
  REWARDS_VOUCHER_PENDING: 'voucherPending',
  REWARDS_VOUCHER_FAILED: 'voucherFailed',
  REWARDS_VOUCHER_NOT_FOUND: 'voucherUnknown',
  REWARDS_SHORT_CODE_RATE_LIMITED: 'shortCodeRateLimited',
  REWARDS_ORGANISATION_NOT_FOUND: 'organisationNotFound',
  REWARDS_WRONG_ORGANISATION_TYPE: 'wrongOrganisationType',
  REWARDS_OFFER_NOT_FOUND: 'offerNotFound',
  REWARDS_OFFER_INVALID: 'offerInvalid',
  REWARDS_CAUSE_NOT_FOUND: 'causeNotFound',
  REWARDS_RULE_NOT_FOUND: 'ruleNotFound',
  REWARDS_RULE_INVALID: 'ruleInvalid',
  REWARDS_MONTH_INVALID: 'monthInvalid',
} as const;

type RewardsErrorCode = keyof typeof rewardsErrorKeys;

function isRewardsErrorCode(code: string): code is RewardsErrorCode {
  return Object.hasOwn(rewardsErrorKeys, code);
}

/** A translated sentence for an error of a rewards call; other codes as the rest of the dashboard says them. */
export function rewardsErrorMessage(t: TFunction, error: ApiError): string {
  if (isRewardsErrorCode(error.code)) return t(`partnerRewards.errors.${rewardsErrorKeys[error.code]}`);
  return dashboardErrorMessage(t, error);
}

/** Whether Rewards has not heard of the organisation yet (it learns of approvals shortly after them). */
export function isOrganisationUnknown(error: ApiError): boolean {
  return error.code === 'REWARDS_ORGANISATION_NOT_FOUND';
}
