import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import { addOfficerDomain, listOfficerDomains } from '../../api/organisations.ts';
import type { OfficerDomainAdded, Organisation } from '../../api/organisations.ts';
import { AlertIcon, Badge, Button, CheckCircleIcon, CheckIcon, DataTable, ErrorState, LoadingState, Notice, PlusIcon, TextField } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { errorReference } from '../../i18n/error-messages.ts';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { useResource } from './use-resource.ts';

export interface OfficerDomainsProps {
  organisation: Organisation;
  isAdmin: boolean;
}

/** The precinct's officer email domains: the list, a form to add one, and approval for admins. */
export function OfficerDomains({ organisation, isAdmin }: OfficerDomainsProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const domains = useResource(`domains:${organisation.id}`, (signal) => listOfficerDomains(session, organisation.id, signal));
  const [domain, setDomain] = useState('');
  const [pending, setPending] = useState<string | undefined>(undefined);
  const [error, setError] = useState<{ message: string; field: boolean } | undefined>(undefined);
  const [done, setDone] = useState<OfficerDomainAdded | undefined>(undefined);
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);

  async function add(value: string, fromForm: boolean) {
    if (pending) return;
    const trimmed = value.trim();
    if (!trimmed) {
      setError({ message: t('dashboard.domains.required'), field: true });
      input.current?.focus();
      return;
    }
    setPending(fromForm ? '' : trimmed);
    setError(undefined);
    setDone(undefined);
    try {
      const added = await addOfficerDomain(session, organisation.id, trimmed);
      setDone(added);
      if (fromForm) setDomain('');
      domains.update((list) => [...list.filter((d) => d.domain !== added.domain), { domain: added.domain, status: added.status }].sort((a, b) => a.domain.localeCompare(b.domain)));
    } catch (cause) {
      const apiError = toApiError(cause);
      const field = fromForm && (apiError.code === 'IDENTITY_DOMAIN_INVALID' || apiError.code === 'PLATFORM_VALIDATION_FAILED');
      setError({ message: apiError.code === 'PLATFORM_VALIDATION_FAILED' ? t('errors.IDENTITY_DOMAIN_INVALID') : dashboardErrorMessage(t, apiError), field });
      if (field) input.current?.focus();
    } finally {
      setPending(undefined);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void add(domain, true);
  }

  const { state } = domains;
  return (
    <div className="hb-stack">
      {state.kind === 'loading' ? <LoadingState label={t('dashboard.domains.loading')} /> : null}
      {state.kind === 'error' ? (
        <ErrorState title={t('dashboard.domains.errorTitle')} details={errorReference(t, state.error)} retryLabel={t('dashboard.common.retry')} onRetry={domains.reload}>
          <p>{dashboardErrorMessage(t, state.error)}</p>
        </ErrorState>
      ) : null}
      {state.kind === 'ready' && state.data.length === 0 ? <p className="hb-dash-empty-line">{t('dashboard.domains.empty')}</p> : null}
      {state.kind === 'ready' && state.data.length > 0 ? (
        <DataTable caption={t('dashboard.domains.caption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.domains.columns.domain')}</th>
              <th scope="col">{t('dashboard.domains.columns.status')}</th>
              {isAdmin ? (
                <th scope="col">
                  <span className="hb-visually-hidden">{t('dashboard.domains.columns.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {state.data.map((item) => (
              <tr key={item.domain}>
                <th scope="row" className="hb-table__mono">
                  @{item.domain}
                </th>
                <td>
                  <Badge tone={item.status === 'approved' ? 'success' : 'warning'}>{t(`dashboard.domains.statuses.${item.status}`)}</Badge>
                </td>
                {isAdmin ? (
                  <td className="hb-dash-cell-actions">
                    {item.status === 'pending' ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        icon={<CheckIcon />}
                        loading={pending === item.domain}
                        aria-label={t('dashboard.domains.approveNamed', { domain: item.domain })}
                        onClick={() => void add(item.domain, false)}
                      >
                        {t('dashboard.domains.approve')}
                      </Button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <form className="hb-dash-inline-form" noValidate onSubmit={submit} aria-busy={pending !== undefined}>
        <TextField
          ref={input}
          label={t('dashboard.domains.addLabel')}
          hint={isAdmin ? t('dashboard.domains.addHintAdmin') : t('dashboard.domains.addHint')}
          name="officer-domain"
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          placeholder="pd.city.gov"
          value={domain}
          onChange={(event) => setDomain(event.target.value)}
          invalid={error?.field ?? false}
          errorId={errorId}
        />
        <Button type="submit" variant="secondary" icon={pending === '' ? undefined : <PlusIcon />} loading={pending === ''}>
          {pending === '' ? t('dashboard.domains.adding') : t('dashboard.domains.add')}
        </Button>
      </form>
      {error ? (
        <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
          {error.message}
        </Notice>
      ) : null}
      {done ? (
        <Notice tone="success" role="status" icon={<CheckCircleIcon />}>
          {done.status === 'approved' ? t('dashboard.domains.addedApproved', { domain: done.domain, count: done.officersVerified }) : t('dashboard.domains.addedPending', { domain: done.domain })}
        </Notice>
      ) : null}
    </div>
  );
}
