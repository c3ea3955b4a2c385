import { useEffect, useId, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { VoucherWithBalance } from '../../api/rewards.ts';
import { CheckCircleIcon, Notice } from '../../ui/index.ts';
import { CancelVoucher } from './cancel-voucher.tsx';
import { DetailCard } from './detail-card.tsx';
import { usePointsText } from './points-text.ts';
import { useRewards } from './rewards-context.tsx';
import { useVoucher } from './use-voucher.ts';
import { VoucherCode } from './voucher-code.tsx';
import { VoucherDetails } from './voucher-details.tsx';
import { VoucherOutcome } from './voucher-outcome.tsx';

function issuedBalance(state: unknown): number | undefined {
  return typeof state === 'object' && state !== null && 'issuedBalance' in state && typeof state.issuedBalance === 'number' ? state.issuedBalance : undefined;
}

/** `/rewards/vouchers/:voucherId`: the code to show at the till, its status, and cancelling it. */
export function VoucherPage() {
  const { t } = useTranslation();
  const points = usePointsText();
  const titleId = useId();
  const { voucherId = '' } = useParams();
  const location = useLocation();
  const { session, socket } = useRewards();
  const { state, reload, set } = useVoucher(session, socket, voucherId);
  const [cancelled, setCancelled] = useState<VoucherWithBalance | undefined>(undefined);
  const [news, setNews] = useState<string | undefined>(undefined);
  const issued = issuedBalance(location.state);
  const status = state.status === 'ready' ? state.voucher.status : undefined;
  const previous = useRef(status);

  // Waiting was announced; so is its end.
  useEffect(() => {
    if (previous.current === 'pending' && status === 'active') setNews(t('rewards.voucher.nowActive'));
    previous.current = status;
  }, [status, t]);

  function onCancelled(answer: VoucherWithBalance) {
    set(answer.voucher);
    setCancelled(answer);
  }

  return (
    <DetailCard
      back={{
        to: '/rewards/vouchers',
        label: t('rewards.voucher.backToVouchers'),
      }}
      load={state}
      onRetry={reload}
      loadingLabel={t('rewards.voucher.loading')}
      errorTitle={t('rewards.voucher.loadFailed')}
      titleId={titleId}
      testId="voucher-card"
    >
      {state.status === 'ready' ? (
        <>
          <div>
            <h2 id={titleId} className="hb-card__title">
              {state.voucher.offerTitle}
            </h2>
            <p className="hb-rewards-muted">{state.voucher.organisationName}</p>
          </div>
          <div aria-live="polite">
            {issued !== undefined && !cancelled && state.voucher.status !== 'failed' ? (
              <Notice tone="success" icon={<CheckCircleIcon />}>
                {t('rewards.voucher.issued', { balance: points(issued) })}
              </Notice>
            ) : null}
            {news && !cancelled ? <Notice tone="success">{news}</Notice> : null}
            {cancelled ? (
              <Notice tone="success" icon={<CheckCircleIcon />}>
                {t('rewards.voucher.cancelled', {
                  points: points(cancelled.voucher.points),
                  balance: points(cancelled.balance),
                })}
              </Notice>
            ) : null}
          </div>
          {state.voucher.status === 'active' && state.voucher.code ? <VoucherCode code={state.voucher.code} shortCode={state.voucher.shortCode} title={state.voucher.offerTitle} /> : null}
          <div aria-live="polite">
            <VoucherOutcome voucher={state.voucher} />
          </div>
          <VoucherDetails voucher={state.voucher} />
          {state.voucher.status === 'active' ? <CancelVoucher voucher={state.voucher} onCancelled={onCancelled} /> : null}
        </>
      ) : null}
    </DetailCard>
  );
}
