import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchOffers } from '../../api/rewards.ts';
import type { Offer } from '../../api/rewards.ts';
import { AlertIcon, Card, LoadingState, Notice, SegmentedControl } from '../../ui/index.ts';
import { BalanceLine } from './balance-line.tsx';
import { EmptyNote } from './empty-note.tsx';
import { OfferFilters } from './offer-filters.tsx';
import type { OfferFilterValues } from './offer-filters.tsx';
import { OfferRow } from './offer-row.tsx';
import { OffersMap } from './offers-map.tsx';
import { PagedListView } from './paged-list-view.tsx';
import { useRewards } from './rewards-context.tsx';
import { useCategories } from './use-categories.ts';
import { useNearMe } from './use-near-me.ts';
import { usePagedList } from './use-paged-list.ts';

const pageSize = 20;
const radiusKm = 10;
const noOffers: readonly Offer[] = [];

/** `/rewards/offers`: active offers, searchable, nearest first on request, as a list or on a map. */
export function OffersPage() {
  const { t } = useTranslation();
  const titleId = useId();
  const { session } = useRewards();
  const categories = useCategories(session);
  const [filters, setFilters] = useState<OfferFilterValues>({ q: '', category: '', kind: '', nearMe: false });
  const [view, setView] = useState<'list' | 'map'>('list');
  const near = useNearMe(filters.nearMe);
  const at = near.status === 'on' ? near.at : undefined;

  const key = JSON.stringify([filters.q, filters.category, filters.kind, at?.lat, at?.lon]);
  const load = useCallback(
    (cursor: string | undefined, signal: AbortSignal) =>
      searchOffers(session, { q: filters.q, category: filters.category, kind: filters.kind || undefined, near: at, radiusKm, cursor, limit: pageSize }, signal),
    [session, filters.q, filters.category, filters.kind, at],
  );
  const list = usePagedList(near.status === 'locating' ? 'locating' : key, load);
  const offers = list.state.status === 'ready' ? list.state.items : noOffers;

  return (
    <Card className="hb-rewards-card" aria-labelledby={titleId} data-testid="offers-card">
      <h2 id={titleId} className="hb-card__title">
        {t('rewards.offers.title')}
      </h2>
      <BalanceLine />
      <OfferFilters values={filters} categories={categories} radiusKm={radiusKm} onChange={setFilters} />
      {near.status === 'locating' ? <LoadingState label={t('rewards.offers.locating')} /> : null}
      {near.status === 'denied' || near.status === 'unavailable' ? (
        <Notice tone="warning" role="status" icon={<AlertIcon />}>
          {near.status === 'denied' ? t('rewards.offers.locationDenied') : t('rewards.offers.locationUnavailable')}
        </Notice>
      ) : null}
      <SegmentedControl
        legend={t('rewards.offers.view')}
        options={[
          { value: 'list', label: t('rewards.offers.list') },
          { value: 'map', label: t('rewards.offers.map') },
        ]}
        value={view}
        onChange={setView}
      />
      {view === 'map' && list.state.status === 'ready' ? <OffersMap offers={offers} own={near.status === 'on' ? { ...near.at, accuracy: near.accuracy } : undefined} /> : null}
      <p className="hb-visually-hidden" role="status">
        {list.state.status === 'ready' ? t('rewards.offers.results', { count: offers.length }) : ''}
      </p>
      <PagedListView
        list={list}
        labelledBy={titleId}
        loadingLabel={t('rewards.offers.loading')}
        errorTitle={t('rewards.offers.loadFailed')}
        empty={<EmptyNote title={t('rewards.offers.emptyTitle')} body={t('rewards.offers.emptyBody')} testId="offers-empty" />}
        itemKey={(offer) => offer.id}
        renderItem={(offer) => <OfferRow offer={offer} />}
        testId="offers-list"
      />
    </Card>
  );
}
