import { useTranslation } from 'react-i18next';
import { listOrganisationCauses } from '../../../api/partner-rewards.ts';
import { Badge, DataTable } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { CatalogueList } from './catalogue-list.tsx';
import { PictureThumb } from './picture-thumb.tsx';
import { causeKindLabel, pointsLabel } from './rewards-labels.ts';
import { usePagedList } from './use-paged-list.ts';

/** A charity's causes as the catalogue lists them: picture, title and kind, points received (of a goal), open or closed. */
export function CatalogueCauses({ organisationId, caption }: { organisationId: string; caption: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const list = usePagedList(`catalogue-causes:${organisationId}`, (page, signal) => listOrganisationCauses(session, organisationId, page, signal));
  return (
    <CatalogueList kind="causes" list={list}>
      {(causes) => (
        <DataTable caption={caption} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('partnerRewards.causes.columns.cause')}</th>
              <th scope="col">{t('partnerRewards.causes.columns.received')}</th>
              <th scope="col">{t('partnerRewards.causes.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {causes.map((cause) => (
              <tr key={cause.id} data-testid="catalogue-cause">
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
                  {pointsLabel(t, cause.receivedPoints, i18n.language)}
                  {cause.goalPoints !== null ? (
                    <>
                      <br />
                      <span className="hb-table__muted">{t('partnerRewards.causes.ofGoal', { goal: pointsLabel(t, cause.goalPoints, i18n.language) })}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <Badge tone={cause.active ? 'success' : 'neutral'}>{cause.active ? t('partnerRewards.causeStatuses.open') : t('partnerRewards.causeStatuses.closed')}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </CatalogueList>
  );
}
