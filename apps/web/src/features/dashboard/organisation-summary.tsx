import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MyOrganisation, Organisation } from '../../api/organisations.ts';
import { Badge } from '../../ui/index.ts';
import { formatDate } from './format.ts';
import { roleLabel, statusLabel, statusTone, typeLabel } from './labels.ts';
import { OrganisationRewardsLinks } from './rewards/organisation-rewards-links.tsx';

/** The id of a precinct's claims card, so a link can lead to it. */
export const claimsAnchor = 'claims';

/** The path of an organisation's page: its members, or a precinct's roster tab (the officers' claims are on it, further down). */
export function organisationPath(id: string, place: 'members' | 'roster' | 'claims' = 'members'): string {
  const path = `/dashboard/organisations/${encodeURIComponent(id)}`;
  if (place === 'roster') return `${path}?tab=roster`;
  if (place === 'claims') return `${path}?tab=roster#${claimsAnchor}`;
  return path;
}

/** On an approved precinct's card: straight to its roster, the officers' claims to confirm, and its members. */
function PrecinctLinks({ organisation }: { organisation: Pick<Organisation, 'id' | 'type' | 'status'> }) {
  const { t } = useTranslation();
  if (organisation.type !== 'precinct' || organisation.status !== 'active') return null;
  return (
    <p className="hb-pr-quick-links">
      <Link to={organisationPath(organisation.id, 'roster')}>{t('dashboard.organisation.tabs.roster')}</Link>
      <Link to={organisationPath(organisation.id, 'claims')}>{t('dashboard.claims.title')}</Link>
      <Link to={organisationPath(organisation.id)}>{t('dashboard.organisation.tabs.members')}</Link>
    </p>
  );
}

/** The status and role badges of an organisation, side by side. */
export function OrganisationBadges({ status, role }: { status: MyOrganisation['status']; role?: MyOrganisation['role'] | 'admin' | undefined }) {
  const { t } = useTranslation();
  return (
    <span className="hb-dash-badges">
      <Badge tone={statusTone(status)}>{statusLabel(t, status)}</Badge>
      {role ? <Badge tone="neutral">{roleLabel(t, role)}</Badge> : null}
    </span>
  );
}

/** What a pending or rejected organisation means for its members, in a sentence. */
export function StatusExplanation({ organisation }: { organisation: Pick<MyOrganisation, 'status' | 'type' | 'decidedAt' | 'decisionNote'> }) {
  const { t, i18n } = useTranslation();
  if (organisation.status === 'pending') {
    return <p className="hb-dash-muted">{organisation.type === 'precinct' ? t('dashboard.status.pendingPrecinct') : t('dashboard.status.pending')}</p>;
  }
  if (organisation.status === 'rejected') {
    return (
      <div className="hb-dash-muted">
        <p>{organisation.decidedAt ? t('dashboard.status.rejectedOn', { date: formatDate(organisation.decidedAt, i18n.language) }) : t('dashboard.status.rejected')}</p>
        {organisation.decisionNote ? <p className="hb-dash-note">{t('dashboard.status.note', { note: organisation.decisionNote })}</p> : null}
      </div>
    );
  }
  return null;
}

/** An organisation as a card: name, type, status, my role (if I am a member), what its status means, and links to its work. */
export function OrganisationCard({ organisation, highlight = false }: { organisation: Organisation & { role?: MyOrganisation['role'] }; highlight?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="hb-dash-org-card" data-status={organisation.status} data-highlight={highlight || undefined}>
      <div className="hb-dash-org-card__head">
        <h3 className="hb-dash-org-card__name">
          <Link to={organisationPath(organisation.id)}>{organisation.name}</Link>
        </h3>
        <OrganisationBadges status={organisation.status} role={organisation.role} />
      </div>
      <p className="hb-dash-org-card__meta">
        {typeLabel(t, organisation.type)} · {t('dashboard.status.requestedOn', { date: formatDate(organisation.createdAt, i18n.language) })}
      </p>
      <StatusExplanation organisation={organisation} />
      <OrganisationRewardsLinks organisation={organisation} />
      <PrecinctLinks organisation={organisation} />
    </li>
  );
}
