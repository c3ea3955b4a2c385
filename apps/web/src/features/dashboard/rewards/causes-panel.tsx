import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOrganisationCauses } from '../../../api/partner-rewards.ts';
import type { Cause } from '../../../api/partner-rewards.ts';
import { AlertIcon, Badge, Button, CheckCircleIcon, DataTable, GiftIcon, Notice, PlusIcon } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { CauseDialog } from './cause-dialog.tsx';
import { ListPanel } from './list-panel.tsx';
import { PictureThumb } from './picture-thumb.tsx';
import { causeKindLabel, pointsLabel } from './rewards-labels.ts';
import { usePagedList } from './use-paged-list.ts';

type Editing = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; cause: Cause };

/** A charity's causes and families in need: what each has received against its goal, and whether it is open. */
export function CausesPanel({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const causes = usePagedList(`causes:${organisationId}`, (page, signal) => listOrganisationCauses(session, organisationId, page, signal));
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [done, setDone] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const language = i18n.language;

  const newButton = (
    <Button icon={<PlusIcon />} onClick={() => setEditing({ kind: 'new' })}>
      {t('partnerRewards.causes.new')}
    </Button>
  );
  return (
    <ListPanel
      words="causes"
      list={causes}
      emptyIcon={<GiftIcon size={32} />}
      newButton={newButton}
      notices={
        <>
          {done ? (
            <Notice tone="success" role="status" icon={<CheckCircleIcon />}>
              {done}
            </Notice>
          ) : null}
          {failure ? (
            <Notice tone="error" role="alert" icon={<AlertIcon />}>
              {failure}
            </Notice>
          ) : null}
        </>
      }
      renderItems={(items) => (
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
            {items.map((cause) => (
              <tr key={cause.id}>
                <th scope="row" className="hb-dash-cell-wrap">
                  <span className="hb-pr-pictured">
                    <PictureThumb url={cause.imageUrl} art="cause" />
                    <span>
                      <span className="hb-dash-cell-strong">{cause.title}</span>
                      <br />
                      <span className="hb-table__muted">{causeKindLabel(t, cause.kind)}</span>
                    </span>
                  </span>
                </th>
                <td className="hb-dash-cell-nowrap">
                  {pointsLabel(t, cause.receivedPoints, language)}
                  {cause.goalPoints !== null ? (
                    <>
                      <br />
                      <span className="hb-table__muted">
                        {t('partnerRewards.causes.ofGoal', {
                          goal: pointsLabel(t, cause.goalPoints, language),
                        })}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>
                  <Badge tone={cause.active ? 'success' : 'neutral'}>{cause.active ? t('partnerRewards.causeStatuses.open') : t('partnerRewards.causeStatuses.closed')}</Badge>
                </td>
                <td className="hb-dash-cell-actions">
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={t('partnerRewards.causes.editNamed', {
                      title: cause.title,
                    })}
                    onClick={() => setEditing({ kind: 'edit', cause })}
                  >
                    {t('partnerRewards.causes.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    >
      <CauseDialog
        organisationId={organisationId}
        cause={editing.kind === 'edit' ? editing.cause : undefined}
        open={editing.kind !== 'closed'}
        onClose={() => setEditing({ kind: 'closed' })}
        onSaved={(cause, created, pictureProblem) => {
          if (created) causes.prepend(cause);
          else causes.replace(cause);
          setEditing({ kind: 'closed' });
          setDone(pictureProblem ? undefined : created ? t('partnerRewards.causes.created', { title: cause.title }) : t('partnerRewards.causes.saved', { title: cause.title }));
          setFailure(pictureProblem ? t('partnerRewards.image.notSaved', { title: cause.title, reason: pictureProblem }) : undefined);
        }}
      />
    </ListPanel>
  );
}
