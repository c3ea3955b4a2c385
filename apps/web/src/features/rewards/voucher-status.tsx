import { useTranslation } from 'react-i18next';
import type { VoucherStatus } from '../../api/rewards.ts';
import { Badge } from '../../ui/index.ts';

const tones = { pending: 'warning', active: 'success', used: 'neutral', cancelled: 'neutral', failed: 'danger', expired: 'neutral' } as const;

/** A voucher's status as a coloured label. */
export function VoucherStatusBadge({ status }: { status: VoucherStatus }) {
  const { t } = useTranslation();
  return (
    <span data-testid="voucher-status" data-status={status}>
      <Badge tone={tones[status]}>{t(`rewards.vouchers.status.${status}`)}</Badge>
    </span>
  );
}
