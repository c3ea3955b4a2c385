import { useTranslation } from 'react-i18next';
import { ButtonLink, CompassIcon, EmptyState, PageHeader } from '../ui/index.ts';

export interface NotFoundPageProps {
  /** Where "go back" leads: the app's home or the dashboard's overview. */
  area: 'app' | 'dashboard';
}

/** Shown for any path no route matches. */
export function NotFoundPage({ area }: NotFoundPageProps) {
  const { t } = useTranslation();
  const link =
    area === 'app' ? { to: '/', label: t('notFound.homeLink') } : { to: '/dashboard', label: t('notFound.dashboardLink') };
  return (
    <div className="hb-stack">
      <PageHeader title={t('notFound.title')} />
      <EmptyState
        icon={<CompassIcon size={32} />}
        title="404"
        action={<ButtonLink to={link.to}>{link.label}</ButtonLink>}
      >
        <p>{t('notFound.body')}</p>
      </EmptyState>
    </div>
  );
}
