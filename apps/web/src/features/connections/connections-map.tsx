import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../ui/index.ts';
import type { MapArea, MapHandle, MapLayers, MapPoint } from './leaflet-map.ts';
import './connections-map.css';

export type { MapArea, MapPoint } from './leaflet-map.ts';

export interface ConnectionsMapProps {
  /** What the map shows, for screen readers (the lists beside it carry the same facts). */
  label: string;
  tileUrl: string | null;
  attribution: string | null;
  own: MapPoint | undefined;
  areas?: readonly MapArea[];
  other?: MapPoint | undefined;
}

const noAreas: readonly MapArea[] = [];

/** A Leaflet map, loaded when first shown; a plain background when there are no tiles. */
export function ConnectionsMap({ label, tileUrl, attribution, own, areas = noAreas, other }: ConnectionsMapProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<MapHandle | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const container = element.current;
    if (!container) return undefined;
    let live = true;
    let created: MapHandle | undefined;
    import('./leaflet-map.ts').then(
      ({ createLeafletMap }) => {
        if (!live) return;
        created = createLeafletMap(container, { tileUrl, attribution });
        setHandle(created);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
      created?.destroy();
      setHandle(undefined);
    };
  }, [tileUrl, attribution]);

  useEffect(() => {
    const layers: MapLayers = { own, areas, other };
    handle?.update(layers);
  }, [handle, own, areas, other]);

  return (
    <div className={tileUrl ? 'hb-map' : 'hb-map hb-map--plain'}>
      <div ref={element} className="hb-map__canvas" role="region" aria-label={label} data-testid="connections-map" />
      {!handle && !failed ? (
        <div className="hb-map__overlay">
          <LoadingState label={t('connections.map.loading')} />
        </div>
      ) : null}
      {failed ? <p className="hb-map__overlay hb-map__failed">{t('connections.map.failed')}</p> : null}
    </div>
  );
}
