import { useTranslation } from 'react-i18next';
import { EmptyState, GiftIcon, PageHeader } from '../../ui/index.ts';

/** Points and what they buy; empty until the ledger and catalogue arrive. */
export function RewardsPage() {
  const { t } = useTranslation();
  return (
    <div className="hb-stack">
      <PageHeader title={t('rewards.title')} description={t('rewards.description')} />
      <EmptyState icon={<GiftIcon size={32} />} title={t('rewards.empty.title')} badge={t('rewards.empty.badge')}>
        <p>{t('rewards.empty.body')}</p>
      </EmptyState>
    </div>
  );
}
