import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillVoucher } from '../../../api/partner-rewards.ts';
import { Badge, Card } from '../../../ui/index.ts';
import { formatDate } from '../format.ts';
import { formatClock } from './clock.ts';
import { pointsLabel, voucherStatusLabel, voucherStatusTone } from './rewards-labels.ts';

export interface TillVoucherCardProps {
  voucher: TillVoucher;
  /** What the cashier can do next (the big "Mark used" button, or "Next customer"). */
  children: ReactNode;
  /** A sentence about the status when the voucher cannot be used. */
  statusNote: string | undefined;
}

/** What a voucher is for, large enough to read across a counter; its heading takes focus when it appears. */
export function TillVoucherCard({ voucher, children, statusNote }: TillVoucherCardProps) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const language = i18n.language;
  useEffect(() => {
    heading.current?.focus();
  }, [voucher.id]);

  const dateTime = (iso: string) => `${formatDate(iso, language)} ${formatClock(iso, language)}`;
  return (
    <Card className="hb-pr-till-card" data-status={voucher.status} data-testid="till-voucher" aria-labelledby={`till-voucher-${voucher.id}`}>
      <div className="hb-pr-till-card__head">
        <Badge tone={voucherStatusTone(voucher.status)}>{voucherStatusLabel(t, voucher.status)}</Badge>
        <h2 ref={heading} id={`till-voucher-${voucher.id}`} className="hb-pr-till-card__title" tabIndex={-1}>
          {voucher.offerTitle}
        </h2>
        <p className="hb-pr-till-card__points">{pointsLabel(t, voucher.points, language)}</p>
      </div>
      {statusNote ? <p className="hb-pr-till-card__note">{statusNote}</p> : null}
      <dl className="hb-pr-facts">
        <div>
          <dt>{t('partnerRewards.till.validUntil')}</dt>
          <dd>
            <time dateTime={voucher.validUntil}>{dateTime(voucher.validUntil)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('partnerRewards.till.issued')}</dt>
          <dd>
            <time dateTime={voucher.issuedAt}>{dateTime(voucher.issuedAt)}</time>
          </dd>
        </div>
        {voucher.usedAt ? (
          <div>
            <dt>{t('partnerRewards.till.usedAt')}</dt>
            <dd>
              <time dateTime={voucher.usedAt}>{dateTime(voucher.usedAt)}</time>
            </dd>
          </div>
        ) : null}
        {voucher.externalCode ? (
          <div>
            <dt>{t('partnerRewards.till.externalCode')}</dt>
            <dd>
              <code className="hb-pr-code">{voucher.externalCode}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="hb-pr-till-card__actions">{children}</div>
    </Card>
  );
}
