import { useCallback, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import { decideOrganisation, listOrganisationsForAdmin } from '../../api/organisations.ts';
import type { Organisation, OrganisationStatus, Page } from '../../api/organisations.ts';
import {
  AlertIcon,
  Button,
  CheckCircleIcon,
  CheckIcon,
  CloseIcon,
  DataTable,
  Dialog,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  PageHeader,
  SegmentedControl,
  ShieldCheckIcon,
  TextAreaField,
} from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { AdminOnly } from './admin-only.tsx';
import { errorReference } from '../../i18n/error-messages.ts';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { formatDate } from './format.ts';
import { organisationPath } from './organisation-summary.tsx';
import { statusLabel, typeLabel } from './labels.ts';
import { useResource } from './use-resource.ts';
import './dashboard.css';

const pageSize = 25;
const noExtra = { pages: 0, items: [], next: null, loading: false, error: undefined };

interface Decision {
  organisation: Organisation;
  approve: boolean;
}

/** The approve/reject dialog: an optional note for the requester, then the decision. */
function DecisionDialog({ decision, onClose, onDecided }: { decision: Decision | undefined; onClose: () => void; onDecided: (decision: Decision, outcome: 'done' | 'already') => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const errorId = useId();
  const last = useRef(decision);
  if (decision) last.current = decision;
  const shown = decision ?? last.current;

  const close = useCallback(() => {
    if (pending) return;
    setNote('');
    setError(undefined);
    onClose();
  }, [pending, onClose]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!decision || pending) return;
    setPending(true);
    setError(undefined);
    try {
      await decideOrganisation(session, decision.organisation.id, { approve: decision.approve, note });
      setNote('');
      onDecided(decision, 'done');
    } catch (cause) {
      const apiError = toApiError(cause);
      if (apiError.code === 'IDENTITY_ORGANISATION_NOT_PENDING') {
        setNote('');
        onDecided(decision, 'already');
      } else {
        setError(dashboardErrorMessage(t, apiError));
      }
    } finally {
      setPending(false);
    }
  }

  const name = shown?.organisation.name ?? '';
  const approve = shown?.approve ?? true;
  return (
    <Dialog
      open={decision !== undefined}
      title={approve ? t('dashboard.approvals.approveTitle', { name }) : t('dashboard.approvals.rejectTitle', { name })}
      description={approve ? t('dashboard.approvals.approveBody') : t('dashboard.approvals.rejectBody')}
      closeLabel={t('dashboard.common.close')}
      onClose={close}
    >
      <form className="hb-dash-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
        <TextAreaField
          label={approve ? t('dashboard.approvals.noteLabelOptional') : t('dashboard.approvals.noteLabel')}
          hint={approve ? t('dashboard.approvals.noteHintApprove') : t('dashboard.approvals.noteHintReject')}
          name="decision-note"
          maxLength={500}
          rows={3}
          value={note}
          data-autofocus
          onChange={(event) => setNote(event.target.value)}
        />
        {error ? (
          <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
            {error}
          </Notice>
        ) : null}
        <div className="hb-dialog__actions">
          <Button variant="secondary" onClick={close} aria-disabled={pending || undefined}>
            {t('dashboard.common.cancel')}
          </Button>
          <Button type="submit" variant={approve ? 'primary' : 'danger'} loading={pending} icon={pending ? undefined : approve ? <CheckIcon /> : <CloseIcon size={18} />}>
            {pending ? t('dashboard.approvals.saving') : approve ? t('dashboard.approvals.confirmApprove') : t('dashboard.approvals.confirmReject')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Organisations of one status, a page at a time, with decisions for pending ones. */
function ApprovalsList({ status }: { status: OrganisationStatus }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  /** Pages loaded with "Show more", after the first. */
  const [extra, setExtra] = useState<{ pages: number; items: Organisation[]; next: string | null; loading: boolean; error: string | undefined }>(noExtra);
  const list = useResource(`admin:${status}`, async (signal): Promise<Page<Organisation>> => {
    setExtra(noExtra);
    return listOrganisationsForAdmin(session, { status, limit: pageSize }, signal);
  });
  const [decision, setDecision] = useState<Decision | undefined>(undefined);
  const [message, setMessage] = useState<{ tone: 'success' | 'warning'; text: string } | undefined>(undefined);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const closeDialog = useCallback(() => setDecision(undefined), []);

  const { state } = list;
  const items = state.kind === 'ready' ? [...state.data.items, ...extra.items] : [];
  const next = state.kind === 'ready' ? (extra.pages > 0 ? extra.next : state.data.next) : null;

  async function loadMore() {
    if (!next || extra.loading) return;
    setExtra((previous) => ({ ...previous, loading: true, error: undefined }));
    try {
      const page = await listOrganisationsForAdmin(session, { status, limit: pageSize, before: next });
      setExtra((previous) => ({ pages: previous.pages + 1, items: [...previous.items, ...page.items], next: page.items.length === 0 ? null : page.next, loading: false, error: undefined }));
    } catch (cause) {
      setExtra((previous) => ({ ...previous, loading: false, error: dashboardErrorMessage(t, toApiError(cause)) }));
    }
  }

  function decided(done: Decision, outcome: 'done' | 'already') {
    setDecision(undefined);
    const name = done.organisation.name;
    if (outcome === 'already') {
      setMessage({ tone: 'warning', text: t('dashboard.approvals.alreadyDecided', { name }) });
      list.reload();
    } else {
      setMessage({ tone: 'success', text: done.approve ? t('dashboard.approvals.approved', { name }) : t('dashboard.approvals.rejected', { name }) });
      list.update((page) => ({ ...page, items: page.items.filter((o) => o.id !== done.organisation.id) }));
      setExtra((previous) => ({ ...previous, items: previous.items.filter((o) => o.id !== done.organisation.id) }));
    }
    // The row and its buttons are gone; land on the list's heading, just above the confirmation.
    requestAnimationFrame(() => titleRef.current?.focus());
  }

  return (
    <section className="hb-stack" aria-labelledby={titleId}>
      <h2 id={titleId} ref={titleRef} tabIndex={-1} className="hb-dash-section-title">
        {t(`dashboard.approvals.listTitles.${status}`)}
      </h2>
      {message ? (
        <Notice tone={message.tone} role="status" icon={message.tone === 'success' ? <CheckCircleIcon /> : <AlertIcon />}>
          {message.text}
        </Notice>
      ) : null}
      {state.kind === 'loading' ? <LoadingState label={t('dashboard.approvals.loading')} /> : null}
      {state.kind === 'error' ? (
        <ErrorState title={t('dashboard.approvals.errorTitle')} details={errorReference(t, state.error)} retryLabel={t('dashboard.common.retry')} onRetry={list.reload}>
          <p>{dashboardErrorMessage(t, state.error)}</p>
        </ErrorState>
      ) : null}
      {state.kind === 'ready' && items.length === 0 ? (
        <EmptyState icon={<ShieldCheckIcon size={32} />} title={t(`dashboard.approvals.empty.${status}`)} headingLevel={3}>
          <p>{status === 'pending' ? t('dashboard.approvals.emptyPendingBody') : t('dashboard.approvals.emptyOtherBody')}</p>
        </EmptyState>
      ) : null}
      {state.kind === 'ready' && items.length > 0 ? (
        <DataTable caption={t('dashboard.approvals.caption', { title: t(`dashboard.approvals.listTitles.${status}`) })} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.approvals.columns.organisation')}</th>
              <th scope="col">{t('dashboard.approvals.columns.type')}</th>
              <th scope="col">{t('dashboard.approvals.columns.requested')}</th>
              {status === 'pending' ? (
                <th scope="col">
                  <span className="hb-visually-hidden">{t('dashboard.approvals.columns.actions')}</span>
                </th>
              ) : (
                <>
                  <th scope="col">{t('dashboard.approvals.columns.decided')}</th>
                  <th scope="col">{t('dashboard.approvals.columns.note')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((organisation) => (
              <tr key={organisation.id}>
                <th scope="row" className="hb-dash-cell-strong">
                  <Link to={organisationPath(organisation.id)}>{organisation.name}</Link>
                </th>
                <td>{typeLabel(t, organisation.type)}</td>
                <td>
                  <time dateTime={organisation.createdAt}>{formatDate(organisation.createdAt, i18n.language)}</time>
                </td>
                {status === 'pending' ? (
                  <td className="hb-dash-cell-actions">
                    <div className="hb-dash-actions">
                      <Button size="sm" icon={<CheckIcon />} aria-label={t('dashboard.approvals.approveNamed', { name: organisation.name })} onClick={() => setDecision({ organisation, approve: true })}>
                        {t('dashboard.approvals.approve')}
                      </Button>
                      <Button size="sm" variant="secondary" icon={<CloseIcon size={18} />} aria-label={t('dashboard.approvals.rejectNamed', { name: organisation.name })} onClick={() => setDecision({ organisation, approve: false })}>
                        {t('dashboard.approvals.reject')}
                      </Button>
                    </div>
                  </td>
                ) : (
                  <>
                    <td>{organisation.decidedAt ? <time dateTime={organisation.decidedAt}>{formatDate(organisation.decidedAt, i18n.language)}</time> : statusLabel(t, organisation.status)}</td>
                    <td className="hb-dash-cell-wrap">{organisation.decisionNote ?? <span className="hb-table__muted">—</span>}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {extra.error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {extra.error}
        </Notice>
      ) : null}
      {next ? (
        <div>
          <Button variant="secondary" loading={extra.loading} onClick={() => void loadMore()}>
            {extra.loading ? t('dashboard.common.loadingMore') : t('dashboard.approvals.loadMore')}
          </Button>
        </div>
      ) : null}
      <DecisionDialog decision={decision} onClose={closeDialog} onDecided={decided} />
    </section>
  );
}

/** `/dashboard/admin/approvals`: the queue of organisations waiting for an admin. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OrganisationStatus>('pending');
  return (
    <AdminOnly title={t('dashboard.approvals.title')}>
      <div className="hb-stack hb-dash-page">
        <PageHeader eyebrow={t('dashboard.nav.admin')} title={t('dashboard.approvals.title')} description={t('dashboard.approvals.description')} />
        <div className="hb-dash-filter">
          <SegmentedControl
            legend={t('dashboard.approvals.filterLegend')}
            legendVisible={false}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'pending', label: t('dashboard.approvals.filters.pending') },
              { value: 'active', label: t('dashboard.approvals.filters.active') },
              { value: 'rejected', label: t('dashboard.approvals.filters.rejected') },
            ]}
          />
        </div>
        <ApprovalsList key={status} status={status} />
      </div>
    </AdminOnly>
  );
}
