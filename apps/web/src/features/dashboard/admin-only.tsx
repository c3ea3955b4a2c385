import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader, ShieldCheckIcon } from '../../ui/index.ts';
import { useIsAdmin } from './dashboard-gate.tsx';

/** Shows the page to admins only; others learn the page is not for them. */
export function AdminOnly({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  if (isAdmin) return children;
  return (
    <div className="hb-stack hb-dash-page">
      <PageHeader eyebrow={t('dashboard.nav.admin')} title={title} />
      <EmptyState icon={<ShieldCheckIcon size={32} />} title={t('dashboard.admin.onlyTitle')}>
        <p>{t('dashboard.admin.onlyBody')}</p>
      </EmptyState>
    </div>
  );
}
