import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Wallet } from '../../api/rewards.ts';
import { Card, ErrorState, LoadingState } from '../../ui/index.ts';
import { EmptyNote } from './empty-note.tsx';
import { GiftForm } from './gift-form.tsx';
import { MyAccountId } from './my-account-id.tsx';
import { useRewards } from './rewards-context.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useColleagues } from './use-colleagues.ts';

/** Officers: a colleague from the precinct to thank. */
function OfficerGift({ wallet }: { wallet: Wallet }) {
  const { t } = useTranslation();
  const { session } = useRewards();
  const [attempt, setAttempt] = useState(0);
  const state = useColleagues(session, attempt);
  if (state.status === 'loading') return <LoadingState label={t('rewards.gift.colleaguesLoading')} />;
  if (state.status === 'error') {
    return (
      <ErrorState title={t('rewards.gift.colleaguesFailed')} retryLabel={t('rewards.common.retry')} onRetry={() => setAttempt((n) => n + 1)}>
        <p>{errorMessage(t, state.error)}</p>
      </ErrorState>
    );
  }
  if (state.colleagues.length === 0) return <EmptyNote title={t('rewards.gift.noColleagues')} body={t('rewards.gift.officerBody')} />;
  return <GiftForm wallet={wallet} colleagues={state.colleagues} />;
}

/** Gifting: officers to colleagues; citizens to friends by account id, only where it is enabled (otherwise not shown). */
export function GiftCard() {
  const { t } = useTranslation();
  const titleId = useId();
  const { wallet, me } = useRewards();
  if (wallet.state.status !== 'ready') return null;
  const current = wallet.state.wallet;
  const officer = current.role === 'officer';
  if (!current.canGift) return null;
  return (
    <Card className="hb-rewards-card" aria-labelledby={titleId} data-testid="gift-card">
      <h2 id={titleId} className="hb-card__title">
        {t('rewards.gift.title')}
      </h2>
      <p className="hb-rewards-muted">{officer ? t('rewards.gift.officerBody') : t('rewards.gift.citizenBody')}</p>
      {officer ? <OfficerGift wallet={current} /> : <GiftForm wallet={current} colleagues={undefined} />}
      {officer ? null : <MyAccountId accountId={me} />}
    </Card>
  );
}
