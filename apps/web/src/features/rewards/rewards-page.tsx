import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink, EmptyState, GiftIcon, LoadingState, PageHeader, UserIcon } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { RewardsNav } from './rewards-nav.tsx';
import { RewardsProvider } from './rewards-context.tsx';
import './rewards.css';

/** Signed out: what rewards are, and the way in. */
function SignedOut() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<GiftIcon size={32} />}
      title={t('rewards.empty.title')}
      action={
        <ButtonLink to="/sign-in?next=%2Frewards" icon={<UserIcon size={20} />}>
          {t('rewards.empty.action')}
        </ButtonLink>
      }
    >
      <p>{t('rewards.empty.body')}</p>
    </EmptyState>
  );
}

/** The rewards area: the wallet, offers, vouchers and giving, each a page under `/rewards`. */
export function RewardsPage() {
  const { t } = useTranslation();
  const { status, account, session } = useSession();
  return (
    <div className="hb-stack">
      <PageHeader title={t('rewards.title')} description={t('rewards.description')} />
      {status === 'restoring' ? <LoadingState label={t('rewards.wallet.loading')} /> : null}
      {status === 'signed-out' ? <SignedOut /> : null}
      {status === 'signed-in' && account ? (
        <RewardsProvider key={account.id} session={session} me={account.id}>
          <RewardsNav />
          <Outlet />
        </RewardsProvider>
      ) : null}
    </div>
  );
}
