import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOrganisationCauses } from '../../../api/partner-rewards.ts';
import type { Cause } from '../../../api/partner-rewards.ts';
import { Badge, Button, CheckCircleIcon, DataTable, EmptyState, GiftIcon, LoadingState, Notice, PlusIcon, RefreshIcon } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { CauseDialog } from './cause-dialog.tsx';
import { LoadMore } from './load-more.tsx';
import { RewardsLoadError } from './rewards-load-error.tsx';
import { causeKindLabel, pointsLabel } from './rewards-labels.ts';
import { usePagedList } from './use-paged-list.ts';

type Editing = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; cause: Cause };

/** A charity's causes and families in need: what each has received against its goal, and whether it is open. */
export function CausesPanel({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const titleId = useId();
  const causes = usePagedList(`causes:${organisationId}`, (page, signal) => listOrganisationCauses(session, organisationId, page, signal));
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [done, setDone] = useState<string | undefined>(undefined);
  const language = i18n.language;

  const newButton = (
    <Button icon={<PlusIcon />} onClick={() => setEditing({ kind: 'new' })}>
      {t('partnerRewards.causes.new')}
    </Button>
  );
  const { state } = causes;
  return (
    <section className="hb-stack" aria-labelledby={titleId}>
      <div className="hb-dash-toolbar">
        <div className="hb-dash-card-head">
          <h2 id={titleId} className="hb-dash-section-title">
            {t('partnerRewards.causes.title')}
          </h2>
          <p className="hb-dash-muted">{t('partnerRewards.causes.description')}</p>
        </div>
        <div className="hb-dash-actions">
          {state.kind === 'ready' ? (
            <Button variant="secondary" size="sm" icon={<RefreshIcon />} loading={state.reloading} onClick={causes.reload}>
              {t('partnerRewards.common.refresh')}
            </Button>
          ) : null}
          {newButton}
        </div>
      </div>
      {done ? (
        <Notice tone="success" role="status" icon={<CheckCircleIcon />}>
          {done}
        </Notice>
      ) : null}
      {state.kind === 'loading' ? <LoadingState label={t('partnerRewards.causes.loading')} /> : null}
      {state.kind === 'error' ? <RewardsLoadError title={t('partnerRewards.causes.errorTitle')} error={state.error} onRetry={causes.reload} /> : null}
      {state.kind === 'ready' && state.data.items.length === 0 ? (
        <EmptyState icon={<GiftIcon size={32} />} title={t('partnerRewards.causes.emptyTitle')} headingLevel={3} action={newButton}>
          <p>{t('partnerRewards.causes.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {state.kind === 'ready' && state.data.items.length > 0 ? (
        <DataTable caption={t('partnerRewards.causes.title')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('partnerRewards.causes.columns.cause')}</th>
              <th scope="col">{t('partnerRewards.causes.columns.received')}</th>
              <th scope="col">{t('partnerRewards.causes.columns.status')}</th>
              <th scope="col">
                <span className="hb-visually-hidden">{t('partnerRewards.causes.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.data.items.map((cause) => (
              <tr key={cause.id}>
                <th scope="row" className="hb-dash-cell-wrap">
                  <span className="hb-dash-cell-strong">{cause.title}</span>
                  <br />
                  <span className="hb-table__muted">{causeKindLabel(t, cause.kind)}</span>
                </th>
                <td className="hb-dash-cell-nowrap">
                  {pointsLabel(t, cause.receivedPoints, language)}
                  {cause.goalPoints !== null ? (
                    <>
                      <br />
                      <span className="hb-table__muted">{t('partnerRewards.causes.ofGoal', { goal: pointsLabel(t, cause.goalPoints, language) })}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <Badge tone={cause.active ? 'success' : 'neutral'}>{cause.active ? t('partnerRewards.causeStatuses.open') : t('partnerRewards.causeStatuses.closed')}</Badge>
                </td>
                <td className="hb-dash-cell-actions">
                  <Button size="sm" variant="secondary" aria-label={t('partnerRewards.causes.editNamed', { title: cause.title })} onClick={() => setEditing({ kind: 'edit', cause })}>
                    {t('partnerRewards.causes.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <LoadMore list={causes} />
      <CauseDialog
        organisationId={organisationId}
        cause={editing.kind === 'edit' ? editing.cause : undefined}
        open={editing.kind !== 'closed'}
        onClose={() => setEditing({ kind: 'closed' })}
        onSaved={(cause, created) => {
          if (created) causes.prepend(cause);
          else causes.replace(cause);
          setEditing({ kind: 'closed' });
          setDone(created ? t('partnerRewards.causes.created', { title: cause.title }) : t('partnerRewards.causes.saved', { title: cause.title }));
        }}
      />
    </section>
  );
}
