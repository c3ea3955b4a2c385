import type { TFunction } from 'i18next';
import type { CauseKind, OfferStatus, VoucherStatus } from '../../../api/partner-rewards.ts';
import { formatNumber } from '../format.ts';

/** "1,250 points" / "1 point", in the reader's language. */
export function pointsLabel(t: TFunction, points: number, language: string): string {
  return t('partnerRewards.common.points', { count: points, formatted: formatNumber(points, language) });
}

/** "Active", "Paused", "Archived". */
export function offerStatusLabel(t: TFunction, status: OfferStatus): string {
  return t(`partnerRewards.offerStatuses.${status}`);
}

/** The badge colour of an offer's status. */
export function offerStatusTone(status: OfferStatus): 'success' | 'warning' | 'neutral' {
  return status === 'active' ? 'success' : status === 'paused' ? 'warning' : 'neutral';
}

/** "Ready to use", "Used", "Expired"… */
export function voucherStatusLabel(t: TFunction, status: VoucherStatus): string {
  return t(`partnerRewards.voucherStatuses.${status}`);
}

/** The badge colour of a voucher's status. */
export function voucherStatusTone(status: VoucherStatus): 'success' | 'warning' | 'danger' | 'neutral' | 'primary' {
  switch (status) {
    case 'active':
      return 'success';
    case 'used':
      return 'primary';
    case 'pending':
      return 'warning';
    case 'failed':
    case 'expired':
    case 'cancelled':
      return 'danger';
  }
}

/** "Cause" or "Family in need". */
export function causeKindLabel(t: TFunction, kind: CauseKind): string {
  return t(`partnerRewards.causeKinds.${kind}`);
}
