import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, Button, ErrorState, LoadingState, Notice } from '../../ui/index.ts';
import { errorMessage, errorReference } from '../../i18n/error-messages.ts';
import type { PagedList } from './use-paged-list.ts';

export interface PagedListViewProps<T> {
  list: PagedList<T>;
  /** What the list is, for screen readers (the id of its heading). */
  labelledBy: string;
  loadingLabel: string;
  errorTitle: string;
  /** Shown when the first page is empty. */
  empty: ReactNode;
  renderItem: (item: T) => ReactNode;
  itemKey: (item: T) => string;
  /** Lays the items out otherwise than as rows (e.g. a grid of cards). */
  listClassName?: string;
  testId?: string;
}

/** A paged list with its loading, error and empty states and a "Load more" button for the next page. */
export function PagedListView<T>({ list, labelledBy, loadingLabel, errorTitle, empty, renderItem, itemKey, listClassName, testId }: PagedListViewProps<T>) {
  const { t } = useTranslation();
  const { state } = list;
  if (state.status === 'loading') return <LoadingState label={loadingLabel} />;
  if (state.status === 'error') {
    return (
      <ErrorState title={errorTitle} retryLabel={t('rewards.common.retry')} onRetry={list.reload} details={errorReference(t, state.error)}>
        <p>{errorMessage(t, state.error)}</p>
      </ErrorState>
    );
  }
  if (state.items.length === 0) return <>{empty}</>;
  return (
    <>
      <ul className={listClassName ?? 'hb-rewards-list'} aria-labelledby={labelledBy} data-testid={testId}>
        {state.items.map((item) => (
          <li key={itemKey(item)} className={listClassName ? `${listClassName}__item` : 'hb-rewards-list__item'}>
            {renderItem(item)}
          </li>
        ))}
      </ul>
      {typeof state.more === 'object' ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {errorMessage(t, state.more)}
        </Notice>
      ) : null}
      {state.nextCursor ? (
        <div className="hb-rewards-actions">
          <Button variant="secondary" loading={state.more === 'loading'} onClick={list.loadMore}>
            {state.more === 'loading' ? t('rewards.common.loadingMore') : t('rewards.common.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
