import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchOffers } from '../../api/rewards.ts';
import { formatNumber } from '../../i18n/format-date.ts';
import type { Offer, OfferCategory } from '../../api/rewards.ts';
import { AlertIcon, Button, Card, CompassIcon, Notice, SegmentedControl } from '../../ui/index.ts';
import { BalanceLine } from './balance-line.tsx';
import { CategoryChips } from './category-chips.tsx';
import { EmptyNote } from './empty-note.tsx';
import { OfferCard } from './offer-card.tsx';
import { OfferFilters } from './offer-filters.tsx';
import { filtersOn, noFilters, offerSearchOf } from './offer-search.ts';
import type { OfferFilterValues } from './offer-search.ts';
import { OffersMap } from './offers-map.tsx';
import { PagedListView } from './paged-list-view.tsx';
import { usePointsText } from './points-text.ts';
import { useRewards } from './rewards-context.tsx';
import { useCategories } from './use-categories.ts';
import { useLocationPermission } from './use-location-permission.ts';
import { useNearMe } from './use-near-me.ts';
import { usePagedList } from './use-paged-list.ts';

const pageSize = 20;
const noOffers: readonly Offer[] = [];

/**
 * `/rewards/offers`: the catalogue. Offers come first, as picture cards saying whether the wallet
 * covers each; category chips above them filter at a tap, and the rest (search, price, type, nearest
 * first) is folded under "Filters". When the browser already lets the site read the position, offers
 * are nearest first; the position is never asked for on arrival, only when "Nearest first" is switched on.
 */
export function OffersPage() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const filtersId = useId();
  const points = usePointsText();
  const { session, wallet } = useRewards();
  const balance = wallet.state.status === 'ready' ? wallet.state.wallet.balance : undefined;
  const categories = useCategories(session);
  const [category, setCategory] = useState<OfferCategory | undefined>(undefined);
  const [filters, setFilters] = useState<OfferFilterValues>(noFilters);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [view, setView] = useState<'list' | 'map'>('list');
  const permission = useLocationPermission();
  const [nearestChosen, setNearestChosen] = useState<boolean | undefined>(undefined);
  const nearest = nearestChosen ?? permission === 'granted';
  const near = useNearMe(nearest);
  const at = near.status === 'on' ? near.at : undefined;
  const active = filtersOn(filters);

  const search = offerSearchOf(filters, category, balance, at);
  // Waits for the browser's answer about the position (it never prompts), so a permitted position
  // sorts the first page rather than a second one; an "only what I can afford" waits for the balance.
  const waiting = permission === 'checking' || (filters.affordableOnly && balance === undefined);
  const key = waiting ? 'waiting' : JSON.stringify(search);
  // The list reads the first page again whenever the key changes; while waiting, nothing is asked.
  const list = usePagedList(key, (cursor, signal) => (waiting ? untilAborted(signal) : searchOffers(session, { ...search, cursor, limit: pageSize }, signal)));
  const offers = list.state.status === 'ready' ? list.state.items : noOffers;

  return (
    <Card className="hb-rewards-card hb-offers" aria-labelledby={titleId} data-testid="offers-card">
      <div className="hb-offers__head">
        <h2 id={titleId} className="hb-card__title">
          {t('rewards.offers.title')}
        </h2>
        <BalanceLine />
      </div>
      <CategoryChips categories={categories} selected={category} onSelect={setCategory} />
      <div className="hb-offers__toolbar">
        <button type="button" className="hb-chip hb-offers__filters-toggle" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen((open) => !open)}>
          <FiltersIcon />
          {t('rewards.offers.filters')}
          {active > 0 ? (
            <>
              <span className="hb-offers__filters-count" aria-hidden="true">
                {formatNumber(active, i18n.language)}
              </span>
              <span className="hb-visually-hidden">{t('rewards.offers.filtersOn', { count: active })}</span>
            </>
          ) : null}
        </button>
        <SegmentedControl
          legend={t('rewards.offers.view')}
          legendVisible={false}
          options={[
            { value: 'list', label: t('rewards.offers.list') },
            { value: 'map', label: t('rewards.offers.map') },
          ]}
          value={view}
          onChange={setView}
        />
      </div>
      {filtersOpen ? (
        <OfferFilters id={filtersId} values={filters} balance={balance} nearest={nearest} onChange={setFilters} onNearest={setNearestChosen} points={points} />
      ) : null}
      {filtersOpen && active > 0 ? (
        <div className="hb-rewards-actions">
          <Button variant="ghost" size="sm" onClick={() => setFilters(noFilters)}>
            {t('rewards.offers.clearFilters')}
          </Button>
        </div>
      ) : null}
      {near.status === 'locating' ? (
        <p className="hb-rewards-muted hb-offers__where" role="status">
          {t('rewards.offers.locating')}
        </p>
      ) : null}
      {near.status === 'on' ? (
        <p className="hb-rewards-muted hb-offers__where" data-testid="offers-nearest">
          <CompassIcon size={16} />
          {t('rewards.offers.sortedNearest')}
        </p>
      ) : null}
      {nearestChosen && (near.status === 'denied' || near.status === 'unavailable') ? (
        <Notice tone="warning" role="status" icon={<AlertIcon />}>
          {near.status === 'denied' ? t('rewards.offers.locationDenied') : t('rewards.offers.locationUnavailable')}
        </Notice>
      ) : null}
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
        renderItem={(offer) => <OfferCard offer={offer} balance={balance} />}
        listClassName="hb-offer-grid"
        testId="offers-list"
      />
    </Card>
  );
}

/** A page that never comes: it fails when the wait is over (the list drops an aborted load's answer). */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

/** Three sliders: the Filters button's mark. */
function FiltersIcon() {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true" focusable="false">
      <path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0" />
      <circle cx="16" cy="6" r="2" />
      <circle cx="10" cy="12" r="2" />
      <circle cx="18" cy="18" r="2" />
    </svg>
  );
}
