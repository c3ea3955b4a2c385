import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import { listAudit } from '../../api/organisations.ts';
import type { AuditEntry } from '../../api/organisations.ts';
import { AlertIcon, Button, ClipboardIcon, DataTable, EmptyState, ErrorState, LoadingState, Notice, PageHeader, RefreshIcon, SelectField } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { AdminOnly } from './admin-only.tsx';
import { errorReference } from '../../i18n/error-messages.ts';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { formatDate, formatTime } from './format.ts';
import { actionLabel } from './labels.ts';
import { useResource } from './use-resource.ts';
import './dashboard.css';

const pageSize = 50;

/** An entry's details as short "key: value" lines. */
function Details({ details }: { details: AuditEntry['details'] }) {
  if (!details || Object.keys(details).length === 0) return <span className="hb-table__muted">—</span>;
  return (
    <dl className="hb-dash-details">
      {Object.entries(details).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' && uuid.test(value) ? <span title={value}>{short(value)}</span> : typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The start of a long id, enough to tell ids apart at a glance (the whole id is in the title). */
function short(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

/** The audit log, newest first; older pages are added below, and the action filter works on what is loaded. */
function AuditLog() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [older, setOlder] = useState<{ pages: number; entries: AuditEntry[]; next: string | null; loading: boolean; error: string | undefined }>({ pages: 0, entries: [], next: null, loading: false, error: undefined });
  const log = useResource('audit', (signal) => listAudit(session, { limit: pageSize }, signal));
  const [action, setAction] = useState('');
  const filterId = useId();

  const { state } = log;
  const entries = useMemo(() => (state.kind === 'ready' ? [...state.data.items, ...older.entries] : []), [state, older.entries]);
  const next = state.kind === 'ready' ? (older.pages > 0 ? older.next : state.data.next) : null;
  // The chosen action stays in the list even when no loaded entry has it (after a refresh).
  const actions = useMemo(() => [...new Set([...entries.map((entry) => entry.action), ...(action ? [action] : [])])].sort(), [entries, action]);
  const shown = action ? entries.filter((entry) => entry.action === action) : entries;

  function refresh() {
    setOlder({ pages: 0, entries: [], next: null, loading: false, error: undefined });
    log.reload();
  }

  async function loadOlder() {
    if (!next || older.loading) return;
    setOlder((previous) => ({ ...previous, loading: true, error: undefined }));
    try {
      const page = await listAudit(session, { limit: pageSize, before: next });
      setOlder((previous) => ({ pages: previous.pages + 1, entries: [...previous.entries, ...page.items], next: page.items.length === 0 ? null : page.next, loading: false, error: undefined }));
    } catch (cause) {
      setOlder((previous) => ({ ...previous, loading: false, error: dashboardErrorMessage(t, toApiError(cause)) }));
    }
  }

  if (state.kind === 'loading') return <LoadingState label={t('dashboard.audit.loading')} />;
  if (state.kind === 'error') {
    return (
      <ErrorState title={t('dashboard.audit.errorTitle')} details={errorReference(t, state.error)} retryLabel={t('dashboard.common.retry')} onRetry={log.reload}>
        <p>{dashboardErrorMessage(t, state.error)}</p>
      </ErrorState>
    );
  }
  if (entries.length === 0) {
    return (
      <EmptyState icon={<ClipboardIcon size={32} />} title={t('dashboard.audit.emptyTitle')}>
        <p>{t('dashboard.audit.emptyBody')}</p>
      </EmptyState>
    );
  }

  return (
    <div className="hb-stack">
      <div className="hb-dash-toolbar">
        <SelectField
          className="hb-dash-toolbar__filter"
          label={t('dashboard.audit.filterLabel')}
          name="action"
          value={action}
          aria-controls={filterId}
          onChange={(event) => setAction(event.target.value)}
          options={[{ value: '', label: t('dashboard.audit.allActions') }, ...actions.map((value) => ({ value, label: `${actionLabel(t, value)} (${value})` }))]}
        />
        <Button variant="secondary" size="sm" icon={<RefreshIcon />} loading={state.reloading} onClick={refresh}>
          {t('dashboard.audit.refresh')}
        </Button>
      </div>
      <p className="hb-dash-muted" role="status">
        {action ? t('dashboard.audit.showingFiltered', { shown: shown.length, count: entries.length }) : t('dashboard.audit.showing', { count: entries.length })}
      </p>
      <div id={filterId}>
        {shown.length === 0 ? (
          <p className="hb-dash-empty-line">{t('dashboard.audit.noMatch')}</p>
        ) : (
          <DataTable caption={t('dashboard.audit.caption')} captionHidden dense>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.audit.columns.when')}</th>
                <th scope="col">{t('dashboard.audit.columns.action')}</th>
                <th scope="col">{t('dashboard.audit.columns.actor')}</th>
                <th scope="col">{t('dashboard.audit.columns.subject')}</th>
                <th scope="col">{t('dashboard.audit.columns.details')}</th>
                <th scope="col">{t('dashboard.audit.columns.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td className="hb-dash-cell-nowrap">
                    <time dateTime={entry.at}>
                      {formatDate(entry.at, i18n.language)}
                      <br />
                      <span className="hb-table__muted">{formatTime(entry.at, i18n.language)}</span>
                    </time>
                  </td>
                  <th scope="row">
                    <span className="hb-dash-cell-strong">{actionLabel(t, entry.action)}</span>
                    <br />
                    <code className="hb-table__mono hb-table__muted hb-dash-cell-nowrap">{entry.action}</code>
                  </th>
                  <td className="hb-dash-cell-wrap hb-dash-col-who">{entry.actorEmail ?? (entry.actorId ? <code className="hb-table__mono">{short(entry.actorId)}</code> : <span className="hb-table__muted">{t('dashboard.audit.system')}</span>)}</td>
                  <td>
                    {entry.subjectType ? (
                      <>
                        {entry.subjectType}
                        {entry.subjectId ? (
                          <>
                            <br />
                            <code className="hb-table__mono hb-table__muted" title={entry.subjectId}>
                              {short(entry.subjectId)}
                            </code>
                          </>
                        ) : null}
                      </>
                    ) : (
                      <span className="hb-table__muted">—</span>
                    )}
                  </td>
                  <td>
                    <Details details={entry.details} />
                  </td>
                  <td className="hb-table__mono">{entry.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </div>
      {older.error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {older.error}
        </Notice>
      ) : null}
      {next ? (
        <div>
          <Button variant="secondary" loading={older.loading} onClick={() => void loadOlder()}>
            {older.loading ? t('dashboard.common.loadingMore') : t('dashboard.audit.loadOlder')}
          </Button>
        </div>
      ) : (
        <p className="hb-dash-muted">{t('dashboard.audit.end')}</p>
      )}
    </div>
  );
}

/** `/dashboard/admin/audit`: who did what, for admins. */
export function AuditLogPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('dashboard.audit.title')}>
      <div className="hb-stack hb-dash-page">
        <PageHeader eyebrow={t('dashboard.nav.admin')} title={t('dashboard.audit.title')} description={t('dashboard.audit.description')} />
        <AuditLog />
      </div>
    </AdminOnly>
  );
}
