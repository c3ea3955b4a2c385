import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format-date.ts';
import { Card, ErrorState, LoadingState } from '../../ui/index.ts';
import { useRewards } from './rewards-context.tsx';
import { errorMessage, errorReference } from '../../i18n/error-messages.ts';

/** The balance in points, large; it follows points arriving live. Citizens never see a money value. */
export function BalanceCard() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { wallet } = useRewards();
  const { state } = wallet;
  return (
    <Card className="hb-rewards-card hb-rewards-balance" aria-labelledby={titleId} data-testid="wallet-card">
      <h2 id={titleId} className="hb-card__title">
        {t('rewards.wallet.title')}
      </h2>
      {state.status === 'loading' ? <LoadingState label={t('rewards.wallet.loading')} /> : null}
      {state.status === 'error' ? (
        <ErrorState title={t('rewards.wallet.loadFailed')} retryLabel={t('rewards.common.retry')} onRetry={wallet.reload} details={errorReference(t, state.error)}>
          <p>{errorMessage(t, state.error)}</p>
        </ErrorState>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <p className="hb-rewards-balance__amount" data-testid="wallet-balance">
            <span className="hb-rewards-balance__number">{formatNumber(state.wallet.balance, i18n.language)}</span>{' '}
            <span className="hb-rewards-balance__unit">{t('rewards.wallet.unit', { count: state.wallet.balance })}</span>
          </p>
          <p className="hb-rewards-muted">{state.wallet.role === 'officer' ? t('rewards.wallet.officer') : state.wallet.balance > 0 ? t('rewards.wallet.spend') : t('rewards.wallet.earn')}</p>
        </>
      ) : null}
    </Card>
  );
}
