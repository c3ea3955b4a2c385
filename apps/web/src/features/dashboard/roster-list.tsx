import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRoster } from '../../api/organisations.ts';
import { ArrowLeftIcon, ArrowRightIcon, Button, DataTable, ErrorState, LoadingState } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { errorReference } from '../../i18n/error-messages.ts';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { useResource } from './use-resource.ts';

const pageSize = 25;

export interface RosterListProps {
  organisationId: string;
  /** Changes after each upload, to start again from the first page. */
  version: number;
}

/** The roster a page at a time (the server pages by email with an `after` cursor). */
export function RosterList({ organisationId, version }: RosterListProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  /** The cursors of the pages seen so far: `cursors[i]` starts page i + 1 (page 1 has none). */
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const page = cursors.length;
  const after = cursors[page - 1];
  const roster = useResource(`${organisationId}:${version}:${after ?? ''}`, (signal) => listRoster(session, organisationId, { limit: pageSize, after }, signal));

  useEffect(() => setCursors([undefined]), [version, organisationId]);

  const { state } = roster;
  if (state.kind === 'loading') return <LoadingState label={t('dashboard.rosterList.loading')} />;
  if (state.kind === 'error') {
    return (
      <ErrorState title={t('dashboard.rosterList.errorTitle')} details={errorReference(t, state.error)} retryLabel={t('dashboard.common.retry')} onRetry={roster.reload}>
        <p>{dashboardErrorMessage(t, state.error)}</p>
      </ErrorState>
    );
  }
  const { items, next } = state.data;
  if (items.length === 0 && page === 1) return <p className="hb-dash-empty-line">{t('dashboard.rosterList.empty')}</p>;
  const first = (page - 1) * pageSize + 1;
  return (
    <div className="hb-stack" aria-busy={state.reloading}>
      <DataTable caption={t('dashboard.rosterList.caption', { page })} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.rosterList.columns.name')}</th>
            <th scope="col">{t('dashboard.rosterList.columns.email')}</th>
            <th scope="col">{t('dashboard.rosterList.columns.badge')}</th>
            <th scope="col">{t('dashboard.rosterList.columns.department')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.email}>
              <th scope="row" className="hb-dash-cell-strong">
                {entry.name}
              </th>
              <td className="hb-dash-cell-wrap">{entry.email}</td>
              <td className="hb-table__mono">{entry.badgeNumber}</td>
              <td>{entry.department}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <nav className="hb-dash-pager" aria-label={t('dashboard.rosterList.pagesLabel')}>
        <p className="hb-dash-muted" aria-live="polite">
          {t('dashboard.rosterList.range', { first, last: first + items.length - 1, page })}
        </p>
        <div className="hb-dash-actions">
          <Button variant="secondary" size="sm" icon={<ArrowLeftIcon />} aria-disabled={page === 1 || undefined} onClick={() => setCursors((list) => (list.length > 1 ? list.slice(0, -1) : list))}>
            {t('dashboard.rosterList.previous')}
          </Button>
          <Button variant="secondary" size="sm" aria-disabled={!next || undefined} onClick={() => next && setCursors((list) => [...list, next])}>
            {t('dashboard.rosterList.next')}
            <ArrowRightIcon />
          </Button>
        </div>
      </nav>
    </div>
  );
}
