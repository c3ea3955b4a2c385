import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Voucher } from '../../api/rewards.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { usePointsText } from './points-text.ts';
import { VoucherStatusBadge } from './voucher-status.tsx';

/** A voucher in the list: what it is for, its status and how long it is valid. */
export function VoucherRow({ voucher }: { voucher: Voucher }) {
  const { t, i18n } = useTranslation();
  const points = usePointsText();
  return (
    <div className="hb-rewards-row" data-testid="voucher" data-status={voucher.status}>
      <div className="hb-rewards-row__main">
        <Link to={`/rewards/vouchers/${encodeURIComponent(voucher.id)}`} className="hb-rewards-row__link">
          {voucher.offerTitle}
        </Link>
        <p className="hb-rewards-muted">{voucher.organisationName}</p>
        <p className="hb-rewards-badges">
          <VoucherStatusBadge status={voucher.status} />
        </p>
        {voucher.status === 'active' ? <p className="hb-rewards-muted">{t('rewards.vouchers.validUntil', { date: formatDate(voucher.validUntil, i18n.language, 'medium') })}</p> : null}
      </div>
      <p className="hb-rewards-row__points">{points(voucher.points)}</p>
    </div>
  );
}
