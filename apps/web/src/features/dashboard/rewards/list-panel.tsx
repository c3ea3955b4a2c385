import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, LoadingState, RefreshIcon } from '../../../ui/index.ts';
import { LoadMore } from './load-more.tsx';
import { RewardsLoadError } from './rewards-load-error.tsx';
import type { PagedList } from './use-paged-list.ts';

/** Which list a panel shows: its title, description and loading, failed and empty texts come from `partnerRewards.<words>`. */
export type ListWords = 'offers' | 'schemes' | 'causes' | 'donations' | 'redemptions';

export interface ListPanelProps<T extends { id: string }> {
  words: ListWords;
  list: PagedList<T>;
  emptyIcon: ReactNode;
  /** The button that adds one: in the toolbar, and in the empty state. */
  newButton?: ReactNode;
  /** What the last action came to, above the list. */
  notices?: ReactNode;
  /** The items, once there are some (a table). */
  renderItems: (items: T[]) => ReactNode;
  /** The panel's dialogs. */
  children?: ReactNode;
}

/** A dashboard list of an organisation's things: title and refresh, its loading, failed and empty states, and the next page on demand. */
export function ListPanel<T extends { id: string }>({ words, list, emptyIcon, newButton, notices, renderItems, children }: ListPanelProps<T>) {
  const { t } = useTranslation();
  const titleId = useId();
  const { state } = list;
  return (
    <section className="hb-stack" aria-labelledby={titleId}>
      <div className="hb-dash-toolbar">
        <div className="hb-dash-card-head">
          <h2 id={titleId} className="hb-dash-section-title">
            {t(`partnerRewards.${words}.title`)}
          </h2>
          <p className="hb-dash-muted">{t(`partnerRewards.${words}.description`)}</p>
        </div>
        <div className="hb-dash-actions">
          {state.kind === 'ready' ? (
            <Button variant="secondary" size="sm" icon={<RefreshIcon />} loading={state.reloading} onClick={list.reload}>
              {t('partnerRewards.common.refresh')}
            </Button>
          ) : null}
          {newButton}
        </div>
      </div>
      {notices}
      {state.kind === 'loading' ? <LoadingState label={t(`partnerRewards.${words}.loading`)} /> : null}
      {state.kind === 'error' ? <RewardsLoadError title={t(`partnerRewards.${words}.errorTitle`)} error={state.error} onRetry={list.reload} /> : null}
      {state.kind === 'ready' && state.data.items.length === 0 ? (
        <EmptyState icon={emptyIcon} title={t(`partnerRewards.${words}.emptyTitle`)} headingLevel={3} action={newButton}>
          <p>{t(`partnerRewards.${words}.emptyBody`)}</p>
        </EmptyState>
      ) : null}
      {state.kind === 'ready' && state.data.items.length > 0 ? renderItems(state.data.items) : null}
      <LoadMore list={list} />
      {children}
    </section>
  );
}
