import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../ui/index.ts';
import type { MapArea, MapHandle, MapLayers, MapPoint } from './maplibre-map.ts';
import './connections-map.css';

export type { MapArea, MapPoint } from './maplibre-map.ts';

export interface ConnectionsMapProps {
  /** What the map shows, for screen readers (the lists beside it carry the same facts). */
  label: string;
  own: MapPoint | undefined;
  areas?: readonly MapArea[];
  other?: MapPoint | undefined;
}

const noAreas: readonly MapArea[] = [];

/** A MapLibre map on the deployment's basemap (through this server's proxy), loaded when first shown; a plain background when the basemap cannot be had. */
export function ConnectionsMap({ label, own, areas = noAreas, other }: ConnectionsMapProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<MapHandle | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [basemap, setBasemap] = useState(true);

  useEffect(() => {
    const container = element.current;
    if (!container) return undefined;
    let live = true;
    let created: MapHandle | undefined;
    import('./maplibre-map.ts')
      .then(({ createMapLibreMap }) => createMapLibreMap(container, { onBasemap: (shown) => live && setBasemap(shown) }))
      .then(
        (map) => {
          if (!live) return map.destroy();
          created = map;
          setHandle(map);
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
  }, []);

  useEffect(() => {
    const layers: MapLayers = { own, areas, other };
    handle?.update(layers);
  }, [handle, own, areas, other]);

  return (
    <div className={basemap ? 'hb-map' : 'hb-map hb-map--plain'} data-basemap={basemap ? 'shown' : 'none'}>
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
