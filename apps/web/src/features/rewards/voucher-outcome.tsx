import { useTranslation } from 'react-i18next';
import type { Voucher } from '../../api/rewards.ts';
import { AlertIcon, LoadingState, Notice } from '../../ui/index.ts';
import { usePointsText } from './points-text.ts';
import { errorMessage } from '../../i18n/error-messages.ts';

/** The states without a code to show: waiting for the issuer, or failed with the points back. */
export function VoucherOutcome({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation();
  const points = usePointsText();
  if (voucher.status === 'pending') {
    return (
      <div className="hb-voucher-pending" data-testid="voucher-pending">
        <p className="hb-rewards-section__title">{t('rewards.voucher.pendingTitle')}</p>
        <LoadingState label={t('rewards.voucher.pendingBody')} />
      </div>
    );
  }
  if (voucher.status === 'failed') {
    const reason = voucher.failureReason ? errorMessage(t, { code: voucher.failureReason }) : undefined;
    return (
      <Notice tone="error" title={t('rewards.voucher.failedTitle')} icon={<AlertIcon />}>
        {reason ? <p>{reason}</p> : null}
        <p>{t('rewards.voucher.failedRefund', { points: points(voucher.points) })}</p>
      </Notice>
    );
  }
  return null;
}
