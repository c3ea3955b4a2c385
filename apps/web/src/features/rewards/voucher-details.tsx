import { useTranslation } from 'react-i18next';
import type { Voucher } from '../../api/rewards.ts';
import { VoucherStatusBadge } from './voucher-status.tsx';
import { formatWhen } from './format-when.ts';
import { usePointsText } from './points-text.ts';


/** Status, validity, price and the voucher's dates. */
export function VoucherDetails({ voucher }: { voucher: Voucher }) {
  const { t, i18n } = useTranslation();
  const points = usePointsText();
  const when = (iso: string) => <time dateTime={iso}>{formatWhen(iso, i18n.language)}</time>;
  return (
    <dl className="hb-rewards-facts" data-testid="voucher-details">
      <div>
        <dt>{t('rewards.voucher.status')}</dt>
        <dd>
          <VoucherStatusBadge status={voucher.status} />
        </dd>
      </div>
      <div>
        <dt>{t('rewards.voucher.validUntil')}</dt>
        <dd>{when(voucher.validUntil)}</dd>
      </div>
      <div>
        <dt>{t('rewards.voucher.points')}</dt>
        <dd>{points(voucher.points)}</dd>
      </div>
      <div>
        <dt>{t('rewards.voucher.issuedAt')}</dt>
        <dd>{when(voucher.issuedAt)}</dd>
      </div>
      {voucher.usedAt ? (
        <div>
          <dt>{t('rewards.voucher.usedAt')}</dt>
          <dd>{when(voucher.usedAt)}</dd>
        </div>
      ) : null}
      {voucher.cancelledAt ? (
        <div>
          <dt>{t('rewards.voucher.cancelledAt')}</dt>
          <dd>{when(voucher.cancelledAt)}</dd>
        </div>
      ) : null}
      {voucher.externalCode ? (
        <div>
          <dt>{t('rewards.voucher.externalCode')}</dt>
          <dd className="hb-rewards-code">{voucher.externalCode}</dd>
        </div>
      ) : null}
    </dl>
  );
}
