import type { TFunction } from 'i18next';
import type { ApiError } from '../../../api/api-error.ts';
import { dashboardErrorMessage } from '../dashboard-errors.ts';

/**
 * What the till says of a voucher it must refuse, in words for the person at the counter ("don't
 * accept it"), and the statement's month as picked; a citizen reads the same codes in their own words.
 */
const tillSentences = {
  REWARDS_VOUCHER_EXPIRED: 'partnerRewards.errors.voucherExpired',
  REWARDS_VOUCHER_ALREADY_USED: 'partnerRewards.errors.voucherAlreadyUsed',
  REWARDS_VOUCHER_CANCELLED: 'partnerRewards.errors.voucherCancelled',
  REWARDS_VOUCHER_PENDING: 'partnerRewards.errors.voucherPending',
  REWARDS_VOUCHER_FAILED: 'partnerRewards.errors.voucherFailed',
  REWARDS_VOUCHER_NOT_FOUND: 'errors.REWARDS_VOUCHER_UNKNOWN',
  REWARDS_MONTH_INVALID: 'partnerRewards.errors.monthInvalid',
} as const;

function hasTillSentence(code: string): code is keyof typeof tillSentences {
  return Object.hasOwn(tillSentences, code);
}

/** A translated sentence for an error of a rewards call in the dashboard; other codes as the rest of the dashboard says them. */
export function rewardsErrorMessage(t: TFunction, error: ApiError): string {
  if (hasTillSentence(error.code)) return t(tillSentences[error.code]);
  return dashboardErrorMessage(t, error);
}

/** Whether Rewards has not heard of the organisation yet (it learns of approvals shortly after them). */
export function isOrganisationUnknown(error: ApiError): boolean {
  return error.code === 'REWARDS_ORGANISATION_NOT_FOUND';
}
