import { useCallback, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { listVouchers } from '../../api/rewards.ts';
import { ButtonLink, Card } from '../../ui/index.ts';
import { EmptyNote } from './empty-note.tsx';
import { PagedListView } from './paged-list-view.tsx';
import { useRewards } from './rewards-context.tsx';
import { usePagedList } from './use-paged-list.ts';
import { VoucherRow } from './voucher-row.tsx';

const pageSize = 10;

/** `/rewards/vouchers`: my vouchers, newest first, a page at a time. */
export function VouchersPage() {
  const { t } = useTranslation();
  const titleId = useId();
  const { session, socket } = useRewards();
  const load = useCallback((cursor: string | undefined, signal: AbortSignal) => listVouchers(session, { cursor, limit: pageSize }, signal), [session]);
  const list = usePagedList('vouchers', load);
  const { reload } = list;

  // A pending voucher that became active (or failed) is shown as it is now.
  useEffect(() => socket?.on('voucher.changed', reload), [socket, reload]);

  return (
    <Card className="hb-rewards-card" aria-labelledby={titleId} data-testid="vouchers-card">
      <h2 id={titleId} className="hb-card__title">
        {t('rewards.vouchers.title')}
      </h2>
      <PagedListView
        list={list}
        labelledBy={titleId}
        loadingLabel={t('rewards.vouchers.loading')}
        errorTitle={t('rewards.vouchers.loadFailed')}
        empty={
          <>
            <EmptyNote title={t('rewards.vouchers.emptyTitle')} body={t('rewards.vouchers.emptyBody')} testId="vouchers-empty" />
            <div className="hb-rewards-actions">
              <ButtonLink to="/rewards/offers" variant="secondary">
                {t('rewards.vouchers.browse')}
              </ButtonLink>
            </div>
          </>
        }
        itemKey={(voucher) => voucher.id}
        renderItem={(voucher) => <VoucherRow voucher={voucher} />}
        testId="vouchers-list"
      />
    </Card>
  );
}
