import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyOrganisation } from '../../../api/organisations.ts';
import { LoadingState } from '../../../ui/index.ts';
import { LoadMore } from './load-more.tsx';
import { RewardsLoadError } from './rewards-load-error.tsx';
import type { PagedList } from './use-paged-list.ts';

/** What one organisation puts in the catalogue: offers for a shop, schemes for a municipality, causes for a charity. */
export type CatalogueKind = 'offers' | 'schemes' | 'causes';

/** The catalogue kind of an organisation's type; undefined for a type that has none (a precinct). */
export function catalogueKindOf(type: MyOrganisation['type']): CatalogueKind | undefined {
  if (type === 'retailer') return 'offers';
  if (type === 'municipality') return 'schemes';
  if (type === 'charity') return 'causes';
  return undefined;
}

/** A list's loading, failed and empty states, and its next page on demand, around its table. */
export function CatalogueList<T extends { id: string }>({ kind, list, children }: { kind: CatalogueKind; list: PagedList<T>; children: (items: T[]) => ReactNode }) {
  const { t } = useTranslation();
  const { state } = list;
  return (
    <>
      {state.kind === 'loading' ? <LoadingState label={t(`partnerRewards.${kind}.loading`)} /> : null}
      {state.kind === 'error' ? <RewardsLoadError title={t(`partnerRewards.${kind}.errorTitle`)} error={state.error} onRetry={list.reload} /> : null}
      {state.kind === 'ready' && state.data.items.length === 0 ? <p className="hb-dash-muted">{t(`dashboard.catalogue.none.${kind}`)}</p> : null}
      {state.kind === 'ready' && state.data.items.length > 0 ? children(state.data.items) : null}
      <LoadMore list={list} />
    </>
  );
}
