// Loaded on demand (import()), so Leaflet and its CSS stay out of the first page's bundle.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';

/** A point with its uncertainty in metres. */
export interface MapPoint {
  lat: number;
  lon: number;
  accuracy: number;
  label: string;
}

/** A coarse area: a circle around a cell's centre. */
export interface MapArea {
  id: string;
  lat: number;
  lon: number;
  radiusM: number;
  label: string;
}

/** Everything the map draws. */
export interface MapLayers {
  own: MapPoint | undefined;
  areas: readonly MapArea[];
  other: MapPoint | undefined;
}

export interface MapHandle {
  update(layers: MapLayers): void;
  destroy(): void;
}

export interface MapOptions {
  /** A tile URL template; without one the map is a plain background. */
  tileUrl: string | null;
  attribution: string | null;
}

/** The zoom that shows a street or two around a single point. */
const closeZoom = 16;

function colour(element: HTMLElement, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

function point(layer: L.LayerGroup, at: MapPoint, fill: string, ring: string) {
  L.circle([at.lat, at.lon], { radius: at.accuracy, color: fill, weight: 1, opacity: 0.5, fillOpacity: 0.1, interactive: false }).addTo(layer);
  L.circleMarker([at.lat, at.lon], { radius: 8, color: ring, weight: 3, fillColor: fill, fillOpacity: 1 }).bindTooltip(at.label).addTo(layer);
}

/** Draws the map into `element`; `update` redraws the layers and re-frames only when what is shown changes. */
export function createLeafletMap(element: HTMLElement, options: MapOptions): MapHandle {
  const map = L.map(element, { center: [0, 0], zoom: 2, zoomControl: true, attributionControl: true });
  if (options.tileUrl) L.tileLayer(options.tileUrl, { attribution: options.attribution ?? '', maxZoom: 19 }).addTo(map);
  const layer = L.layerGroup().addTo(map);
  let framed = '';

  return {
    update({ own, areas, other }) {
      layer.clearLayers();
      const primary = colour(element, '--hb-color-primary', '#0b3d91');
      const success = colour(element, '--hb-color-success', '#0a6e3f');
      const surface = colour(element, '--hb-color-surface', '#ffffff');
      const bounds: L.LatLngBounds[] = [];
      for (const area of areas) {
        const circle = L.circle([area.lat, area.lon], { radius: area.radiusM, color: primary, weight: 2, fillOpacity: 0.15, dashArray: '6 4' })
          .bindTooltip(area.label)
          .addTo(layer);
        bounds.push(circle.getBounds());
      }
      for (const [at, fill] of [
        [own, primary],
        [other, success],
      ] as const) {
        if (!at) continue;
        point(layer, at, fill, surface);
        bounds.push(L.latLng(at.lat, at.lon).toBounds(Math.max(at.accuracy, 50) * 2));
      }
      // Frame again only when something appears or goes, not on every small move.
      const shown = [own ? 'own' : '', other ? 'other' : '', ...areas.map((a) => a.id)].join('|');
      if (shown === framed) return;
      framed = shown;
      const [first, ...rest] = bounds;
      if (!first) return;
      const all = rest.reduce((sum, b) => sum.extend(b), L.latLngBounds(first.getSouthWest(), first.getNorthEast()));
      map.fitBounds(all, { padding: [24, 24], maxZoom: closeZoom });
    },
    destroy() {
      map.remove();
    },
  };
}
