import { useTranslation } from 'react-i18next';
import { ArrowRightIcon, ButtonLink, Card, EmptyState, PageHeader, ShieldCheckIcon } from '../../ui/index.ts';
import './profile-page.css';

/** The account page; until sign-in exists it says so, and points partners to their dashboard. */
export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <div className="hb-stack">
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <EmptyState icon={<ShieldCheckIcon size={32} />} title={t('profile.empty.title')} badge={t('profile.empty.badge')}>
        <p>{t('profile.empty.body')}</p>
      </EmptyState>
      <Card className="hb-partner-card">
        <h2 className="hb-card__title">{t('profile.partnerTitle')}</h2>
        <p className="hb-partner-card__body">{t('profile.partnerBody')}</p>
        <div>
          <ButtonLink to="/dashboard" variant="secondary" size="sm">
            {t('profile.partnerLink')}
            <ArrowRightIcon />
          </ButtonLink>
        </div>
      </Card>
    </div>
  );
}
