import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { geocode } from '../../../api/map.ts';
import type { GeocodedPlace } from '../../../api/map.ts';
import { getServerMeta } from '../../../api/meta.ts';
import { errorMessage } from '../../../i18n/error-messages.ts';
import { isLanguage } from '../../../i18n/languages.ts';
import { Button, LoadingState, TextField } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import type { PlacePickerHandle } from '../../connections/maplibre-map.ts';
import '../../connections/connections-map.css';

/** Whether the server has an address search (asked once per page). */
let geocoderAnswer: Promise<boolean> | undefined;
function hasGeocoder(): Promise<boolean> {
  geocoderAnswer ??= getServerMeta().then((meta) => meta.geocoder, () => false);
  return geocoderAnswer;
}

export interface PlacePickerProps {
  /** The coordinates as typed (the picker starts there when they are a place). */
  lat: string;
  lon: string;
  /** A place was chosen: on the map, by dragging, or from the address search (with its label). */
  onPick: (at: { lat: number; lon: number }, label?: string) => void;
}

function parsed(lat: string, lon: string): { lat: number; lon: number } | undefined {
  const [y, x] = [Number(lat), Number(lon)];
  return lat.trim() && lon.trim() && Number.isFinite(y) && Number.isFinite(x) && Math.abs(y) <= 90 && Math.abs(x) <= 180 ? { lat: y, lon: x } : undefined;
}

/** A place on the map (tap to place, drag to adjust) and, when the server has one, an address search; coordinates can still be typed beside it. */
export function PlacePicker({ lat, lon, onPick }: PlacePickerProps) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const element = useRef<HTMLDivElement>(null);
  const picker = useRef<PlacePickerHandle | undefined>(undefined);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [ready, setReady] = useState(false);
  const [searchable, setSearchable] = useState(false);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<{ kind: 'idle' } | { kind: 'searching' } | { kind: 'found'; places: GeocodedPlace[] } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const resultsId = useId();
  const start = useRef(parsed(lat, lon));

  useEffect(() => {
    void hasGeocoder().then(setSearchable);
    const container = element.current;
    if (!container) return undefined;
    let live = true;
    void import('../../connections/maplibre-map.ts')
      .then(({ createPlacePicker }) => createPlacePicker(container, { at: start.current, label: t('partnerRewards.placePicker.marker'), onPick: (at) => pick.current(at) }))
      .then((handle) => {
        if (!live) return handle.destroy();
        picker.current = handle;
        setReady(true);
      });
    return () => {
      live = false;
      picker.current?.destroy();
      picker.current = undefined;
    };
  }, [t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (query.trim().length < 3) return;
    setSearch({ kind: 'searching' });
    try {
      const places = await geocode(session, query.trim(), isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en');
      setSearch({ kind: 'found', places });
    } catch (cause) {
      setSearch({ kind: 'failed', message: errorMessage(t, toApiError(cause)) });
    }
  }

  function choose(place: GeocodedPlace) {
    picker.current?.moveTo(place);
    onPick({ lat: place.lat, lon: place.lon }, place.label);
    setSearch({ kind: 'idle' });
  }

  return (
    <div className="hb-stack hb-place-picker">
      {searchable ? (
        // A form of its own inside the offer's form is not allowed: the search is a group with its own button.
        <div role="search" className="hb-place-picker__search">
          <TextField label={t('partnerRewards.placePicker.address')} hint={t('partnerRewards.placePicker.addressHint')} value={query} onChange={(event) => setQuery(event.target.value)} onKeyDown={(event) => (event.key === 'Enter' ? void submit(event) : undefined)} />
          <Button variant="secondary" size="sm" loading={search.kind === 'searching'} onClick={(event) => void submit(event)} aria-controls={resultsId}>
            {t('partnerRewards.placePicker.find')}
          </Button>
        </div>
      ) : null}
      <div id={resultsId} aria-live="polite">
        {search.kind === 'found' && search.places.length === 0 ? <p className="hb-dash-muted">{t('partnerRewards.placePicker.nothingFound')}</p> : null}
        {search.kind === 'failed' ? <p className="hb-dash-muted">{search.message}</p> : null}
        {search.kind === 'found' && search.places.length > 0 ? (
          <ul className="hb-place-picker__results">
            {search.places.map((place) => (
              <li key={`${place.lat},${place.lon}`}>
                <Button variant="ghost" size="sm" onClick={() => choose(place)}>
                  {place.label}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="hb-map">
        <div ref={element} className="hb-map__canvas" role="region" aria-label={t('partnerRewards.placePicker.mapLabel')} data-testid="place-picker-map" />
        {!ready ? (
          <div className="hb-map__overlay">
            <LoadingState label={t('partnerRewards.placePicker.loading')} />
          </div>
        ) : null}
      </div>
      <p className="hb-field__hint">{t('partnerRewards.placePicker.hint')}</p>
    </div>
  );
}
