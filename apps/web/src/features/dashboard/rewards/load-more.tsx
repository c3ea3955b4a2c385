import { useTranslation } from 'react-i18next';
import { AlertIcon, Button, Notice } from '../../../ui/index.ts';
import type { PagedList } from './use-paged-list.ts';
import { rewardsErrorMessage } from './rewards-errors.ts';

/** The "Load more" button under a paged list, and why the next page failed if it did. */
export function LoadMore<T>({ list }: { list: PagedList<T & { id: string }> }) {
  const { t } = useTranslation();
  const { state, more, loadMore } = list;
  if (state.kind !== 'ready') return null;
  return (
    <>
      {more.error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {rewardsErrorMessage(t, more.error)}
        </Notice>
      ) : null}
      {state.data.nextCursor ? (
        <div>
          <Button variant="secondary" loading={more.loading} onClick={loadMore}>
            {more.loading ? t('dashboard.common.loadingMore') : t('partnerRewards.common.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
