import { useTranslation } from 'react-i18next';
import { EmptyState, NearbyIcon, PageHeader } from '../../ui/index.ts';
import { ServerStatusCard } from '../status/server-status-card.tsx';

/** The citizen/officer start page: who is nearby (soon) and whether the service is up. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <div className="hb-stack">
      <PageHeader title={t('home.title')} description={t('home.description')} />
      <EmptyState icon={<NearbyIcon size={32} />} title={t('home.nearby.title')} badge={t('home.nearby.badge')}>
        <p>{t('home.nearby.body')}</p>
      </EmptyState>
      <ServerStatusCard />
    </div>
  );
}
