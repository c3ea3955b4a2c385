import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '../../ui/index.ts';

/** The dashboard's sections; each has a title, description and empty state in the translations. */
export type DashboardSection = 'catalogue' | 'reports';

export interface DashboardSectionPageProps {
  section: DashboardSection;
  icon: ReactNode;
  /** Content shown above the empty state. */
  children?: ReactNode;
}

/** A dashboard page that has no data yet: its header and an honest empty state. */
export function DashboardSectionPage({ section, icon, children }: DashboardSectionPageProps) {
  const { t } = useTranslation();
  return (
    <div className="hb-stack">
      <PageHeader
        eyebrow={t('dashboard.eyebrow')}
        title={t(`dashboard.${section}.title`)}
        description={t(`dashboard.${section}.description`)}
      />
      {children}
      <EmptyState icon={icon} title={t(`dashboard.${section}.emptyTitle`)}>
        <p>{t(`dashboard.${section}.emptyBody`)}</p>
      </EmptyState>
    </div>
  );
}
