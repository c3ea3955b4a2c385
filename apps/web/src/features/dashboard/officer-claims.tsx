import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import { decideOfficerClaim, listOfficerClaims } from '../../api/officer-claims.ts';
import type { OfficerClaim } from '../../api/officer-claims.ts';
import type { Organisation } from '../../api/organisations.ts';
import { AlertIcon, Button, CheckCircleIcon, CheckIcon, CloseIcon, DataTable, ErrorState, LoadingState, Notice } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { errorReference } from '../../i18n/error-messages.ts';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { useResource } from './use-resource.ts';

export interface OfficerClaimsProps {
  organisation: Organisation;
  /** Bumped when the roster changes, so the matches are looked up again. */
  version: number;
}

/** Claims to confirm: officers who claim a roster entry by badge number and department. */
export function OfficerClaims({ organisation, version }: OfficerClaimsProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const claims = useResource(`claims:${organisation.id}:${version}`, (signal) => listOfficerClaims(session, organisation.id, signal));
  const [pending, setPending] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const noMatchId = useId();
  const cannotConfirmId = useId();

  async function decide(claim: OfficerClaim, confirm: boolean) {
    if (pending) return;
    setPending(`${claim.id}:${confirm ? 'confirm' : 'reject'}`);
    setError(undefined);
    setDone(undefined);
    const who = claim.email ?? claim.badgeNumber;
    try {
      await decideOfficerClaim(session, organisation.id, claim.id, confirm);
      setDone(confirm ? t('dashboard.claims.confirmed', { who }) : t('dashboard.claims.rejected', { who }));
    } catch (cause) {
      setError(dashboardErrorMessage(t, toApiError(cause)));
    } finally {
      setPending(undefined);
      claims.reload();
    }
  }

  const { state } = claims;
  return (
    <div className="hb-stack">
      {state.kind === 'loading' ? <LoadingState label={t('dashboard.claims.loading')} /> : null}
      {state.kind === 'error' ? (
        <ErrorState title={t('dashboard.claims.errorTitle')} details={errorReference(t, state.error)} retryLabel={t('dashboard.common.retry')} onRetry={claims.reload}>
          <p>{dashboardErrorMessage(t, state.error)}</p>
        </ErrorState>
      ) : null}
      {state.kind === 'ready' && state.data.length === 0 ? <p className="hb-dash-empty-line">{t('dashboard.claims.empty')}</p> : null}
      {state.kind === 'ready' && state.data.length > 0 ? (
        <DataTable caption={t('dashboard.claims.caption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.claims.columns.email')}</th>
              <th scope="col">{t('dashboard.claims.columns.badge')}</th>
              <th scope="col">{t('dashboard.claims.columns.department')}</th>
              <th scope="col">{t('dashboard.claims.columns.roster')}</th>
              <th scope="col">
                <span className="hb-visually-hidden">{t('dashboard.claims.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((claim) => {
              const who = claim.email ?? claim.badgeNumber;
              const explanationId = `${noMatchId}-${claim.id}`;
              return (
                <tr key={claim.id}>
                  <th scope="row">{claim.email ?? t('dashboard.claims.noEmail')}</th>
                  <td className="hb-table__mono">{claim.badgeNumber}</td>
                  <td>{claim.department}</td>
                  <td>{claim.rosterName ?? <span id={explanationId}>{t('dashboard.claims.noMatch')}</span>}</td>
                  <td className="hb-dash-cell-actions">
                    <Button
                      size="sm"
                      variant="secondary"
                      icon={<CheckIcon />}
                      loading={pending === `${claim.id}:confirm`}
                      aria-disabled={claim.rosterName === null || undefined}
                      aria-describedby={claim.rosterName === null ? `${explanationId} ${cannotConfirmId}` : undefined}
                      aria-label={t('dashboard.claims.confirmNamed', { who })}
                      onClick={() => void decide(claim, true)}
                    >
                      {t('dashboard.claims.confirm')}
                    </Button>{' '}
                    <Button
                      size="sm"
                      variant="secondary"
                      icon={<CloseIcon />}
                      loading={pending === `${claim.id}:reject`}
                      aria-label={t('dashboard.claims.rejectNamed', { who })}
                      onClick={() => void decide(claim, false)}
                    >
                      {t('dashboard.claims.reject')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      ) : null}
      {state.kind === 'ready' && state.data.some((claim) => claim.rosterName === null) ? <p id={cannotConfirmId} className="hb-dash-muted">
          {t('dashboard.claims.cannotConfirm')}
        </p> : null}
      {error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {error}
        </Notice>
      ) : null}
      {done ? (
        <Notice tone="success" role="status" icon={<CheckCircleIcon />}>
          {done}
        </Notice>
      ) : null}
    </div>
  );
}
