import { useEffect, useId, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/organisations.ts';
import { AlertIcon, Card, Notice } from '../../ui/index.ts';
import { OfficerClaims } from './officer-claims.tsx';
import { OfficerDomains } from './officer-domains.tsx';
import { claimsAnchor } from './organisation-summary.tsx';
import { RosterList } from './roster-list.tsx';
import { RosterUpload } from './roster-upload.tsx';

export interface RosterPanelProps {
  organisation: Organisation;
  isAdmin: boolean;
  canManage: boolean;
  blockedReason: 'owners-only' | 'after-approval' | undefined;
}

/** A precinct's officers: upload a roster, see who is on it, and list officer email domains. */
export function RosterPanel({ organisation, isAdmin, canManage, blockedReason }: RosterPanelProps) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const uploadTitleId = useId();
  const listTitleId = useId();
  const domainsTitleId = useId();
  const claimsTitleId = useId();
  const { hash } = useLocation();

  // A link to the claims (from the overview) lands on this tab: bring the claims card into view.
  useEffect(() => {
    if (canManage && hash === `#${claimsAnchor}`) document.getElementById(claimsAnchor)?.scrollIntoView({ block: 'start' });
  }, [canManage, hash]);

  if (!canManage) {
    return (
      <Notice tone="info" icon={<AlertIcon />}>
        {blockedReason === 'after-approval' ? t('dashboard.roster.afterApproval') : t('dashboard.roster.ownersOnly')}
      </Notice>
    );
  }

  return (
    <div className="hb-stack hb-dash-roster">
      <Card className="hb-stack" aria-labelledby={uploadTitleId}>
        <div className="hb-dash-card-head">
          <h2 id={uploadTitleId} className="hb-card__title">
            {t('dashboard.upload.title')}
          </h2>
          <p className="hb-dash-muted">{t('dashboard.upload.description')}</p>
        </div>
        <RosterUpload organisation={organisation} onUploaded={() => setVersion((n) => n + 1)} />
      </Card>
      <Card id={claimsAnchor} className="hb-stack" aria-labelledby={claimsTitleId} data-testid="officer-claims">
        <div className="hb-dash-card-head">
          <h2 id={claimsTitleId} className="hb-card__title">
            {t('dashboard.claims.title')}
          </h2>
          <p className="hb-dash-muted">{t('dashboard.claims.description')}</p>
        </div>
        <OfficerClaims organisation={organisation} version={version} />
      </Card>
      <div className="hb-dash-columns">
        <section className="hb-stack" aria-labelledby={listTitleId}>
          <div className="hb-dash-card-head">
            <h2 id={listTitleId} className="hb-dash-section-title">
              {t('dashboard.rosterList.title')}
            </h2>
            <p className="hb-dash-muted">{t('dashboard.rosterList.description')}</p>
          </div>
          <RosterList organisationId={organisation.id} version={version} />
        </section>
        <Card className="hb-stack hb-dash-side-card" aria-labelledby={domainsTitleId}>
          <div className="hb-dash-card-head">
            <h2 id={domainsTitleId} className="hb-card__title">
              {t('dashboard.domains.title')}
            </h2>
            <p className="hb-dash-muted">{t('dashboard.domains.description')}</p>
          </div>
          <OfficerDomains organisation={organisation} isAdmin={isAdmin} />
        </Card>
      </div>
    </div>
  );
}
