// Loaded on demand (import()), so MapLibre GL and its CSS stay out of the first page's bundle. The
// basemap comes from this server's map proxy (`/api/v1/map/style.json`): the tile provider never sees
// a person. When it cannot be loaded the map still draws its own layers on a plain background.
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Polygon } from 'geojson';
import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// The worker as a file of our own origin: no blob: worker, no eval, so the page's CSP stays strict.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);

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

/** Where the basemap style is served (through the proxy). */
export const styleUrl = '/api/v1/map/style.json';
/** The zoom that shows a street or two around a single point. */
const closeZoom = 16;

/** The basemap style, or a plain one when the proxy cannot give it (provider down, basemap off). */
async function loadStyle(signal: AbortSignal): Promise<{ style: StyleSpecification; basemap: boolean }> {
  try {
    const answer = await fetch(styleUrl, { signal, headers: { accept: 'application/json' } });
    if (answer.ok) {
      const style = (await answer.json()) as StyleSpecification;
      return { style, basemap: Object.keys(style.sources ?? {}).length > 0 };
    }
  } catch {
    // fall through to the plain style
  }
  return { style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f5' } }] }, basemap: false };
}

function colour(element: HTMLElement, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/** A circle of `radiusM` metres around a point, as a polygon (MapLibre draws circles in pixels, areas are in metres). */
export function circlePolygon(lat: number, lon: number, radiusM: number, steps = 48): Polygon {
  const ring: [number, number][] = [];
  const dLat = radiusM / 111_320;
  const dLon = radiusM / (111_320 * Math.max(Math.cos((lat * Math.PI) / 180), 1e-6));
  for (let i = 0; i <= steps; i++) {
    const angle = (i / steps) * 2 * Math.PI;
    ring.push([lon + dLon * Math.cos(angle), lat + dLat * Math.sin(angle)]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/** The box around points and circles, to frame them. */
export function boundsOf(layers: MapLayers): [[number, number], [number, number]] | undefined {
  const boxes: Array<[number, number, number]> = [
    ...layers.areas.map((a): [number, number, number] => [a.lat, a.lon, a.radiusM]),
    ...[layers.own, layers.other].flatMap((p): Array<[number, number, number]> => (p ? [[p.lat, p.lon, Math.max(p.accuracy, 50)]] : [])),
  ];
  if (boxes.length === 0) return undefined;
  let [south, west, north, east] = [90, 180, -90, -180];
  for (const [lat, lon, r] of boxes) {
    const dLat = r / 111_320;
    const dLon = r / (111_320 * Math.max(Math.cos((lat * Math.PI) / 180), 1e-6));
    south = Math.min(south, lat - dLat);
    north = Math.max(north, lat + dLat);
    west = Math.min(west, lon - dLon);
    east = Math.max(east, lon + dLon);
  }
  return [[west, south], [east, north]];
}

function featuresOf(layers: MapLayers): { areas: FeatureCollection; accuracy: FeatureCollection } {
  const accuracy = [layers.own && { kind: 'own', at: layers.own }, layers.other && { kind: 'other', at: layers.other }].flatMap((x) => (x ? [x] : []));
  return {
    areas: { type: 'FeatureCollection', features: layers.areas.map((a) => ({ type: 'Feature', properties: { label: a.label }, geometry: circlePolygon(a.lat, a.lon, a.radiusM) })) },
    accuracy: { type: 'FeatureCollection', features: accuracy.map(({ kind, at }) => ({ type: 'Feature', properties: { kind }, geometry: circlePolygon(at.lat, at.lon, at.accuracy) })) },
  };
}

/** Draws the map into `element`; `update` redraws the layers and re-frames only when what is shown changes. */
export async function createMapLibreMap(element: HTMLElement, options: { onBasemap?: (shown: boolean) => void } = {}): Promise<MapHandle> {
  const controller = new AbortController();
  const { style, basemap } = await loadStyle(controller.signal);
  options.onBasemap?.(basemap);
  const primary = colour(element, '--hb-color-primary', '#0b3d91');
  const success = colour(element, '--hb-color-success', '#0a6e3f');
  const map: MapLibreMap = new maplibregl.Map({
    container: element,
    style,
    center: [0, 20],
    zoom: 1,
    attributionControl: { compact: true },
    // The app's own layers matter more than street labels: keep the map calm, and never tilt it.
    pitchWithRotate: false,
    dragRotate: false,
    cooperativeGestures: false,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  // A basemap that fails later (a tile, a font) must not take the app's layers with it.
  map.on('error', () => options.onBasemap?.(false));
  const ready = new Promise<void>((resolve) => map.once('load', () => resolve()));
  const markers: maplibregl.Marker[] = [];
  let pending: MapLayers | undefined;
  let loaded = false;
  let framed = '';

  const draw = (layers: MapLayers) => {
    const { areas, accuracy } = featuresOf(layers);
    (map.getSource('hb-areas') as GeoJSONSource | undefined)?.setData(areas);
    (map.getSource('hb-accuracy') as GeoJSONSource | undefined)?.setData(accuracy);
    for (const marker of markers.splice(0)) marker.remove();
    for (const [at, kind] of [[layers.own, 'own'], [layers.other, 'other']] as const) {
      if (!at) continue;
      const dot = document.createElement('div');
      dot.className = `hb-map__dot hb-map__dot--${kind}`;
      dot.title = at.label;
      dot.setAttribute('role', 'img');
      dot.setAttribute('aria-label', at.label);
      markers.push(new maplibregl.Marker({ element: dot }).setLngLat([at.lon, at.lat]).addTo(map));
    }
    for (const area of layers.areas) {
      const label = document.createElement('div');
      label.className = 'hb-map__area-label';
      label.textContent = area.label;
      markers.push(new maplibregl.Marker({ element: label }).setLngLat([area.lon, area.lat]).addTo(map));
    }
    // Frame again only when something appears or goes, not on every small move.
    const shown = [layers.own ? 'own' : '', layers.other ? 'other' : '', ...layers.areas.map((a) => a.id)].join('|');
    if (shown === framed) return;
    framed = shown;
    const bounds = boundsOf(layers);
    if (bounds) map.fitBounds(bounds as LngLatBoundsLike, { padding: 32, maxZoom: closeZoom, duration: 0 });
  };

  void ready.then(() => {
    map.addSource('hb-areas', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addSource('hb-accuracy', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'hb-areas-fill', type: 'fill', source: 'hb-areas', paint: { 'fill-color': primary, 'fill-opacity': 0.15 } });
    map.addLayer({ id: 'hb-areas-line', type: 'line', source: 'hb-areas', paint: { 'line-color': primary, 'line-width': 2, 'line-dasharray': [3, 2] } });
    map.addLayer({ id: 'hb-accuracy-fill', type: 'fill', source: 'hb-accuracy', paint: { 'fill-color': ['match', ['get', 'kind'], 'other', success, primary], 'fill-opacity': 0.1 } });
    loaded = true;
    if (pending) draw(pending);
  });

  return {
    update(layers) {
      pending = layers;
      if (loaded) draw(layers);
    },
    destroy() {
      controller.abort();
      for (const marker of markers.splice(0)) marker.remove();
      map.remove();
    },
  };
}

/** A map to place one point on: tap to place, drag to adjust; `moveTo` places it from elsewhere (an address search). */
export interface PlacePickerHandle {
  moveTo(at: { lat: number; lon: number }): void;
  destroy(): void;
}

/** Draws a place picker into `element`, starting at `at` when known (else the whole world, to zoom into). */
export async function createPlacePicker(element: HTMLElement, options: { at: { lat: number; lon: number } | undefined; label: string; onPick: (at: { lat: number; lon: number }) => void }): Promise<PlacePickerHandle> {
  const { style } = await loadStyle(new AbortController().signal);
  const map = new maplibregl.Map({ container: element, style, center: options.at ? [options.at.lon, options.at.lat] : [0, 20], zoom: options.at ? closeZoom : 1, attributionControl: { compact: true }, dragRotate: false, pitchWithRotate: false });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  const dot = document.createElement('div');
  dot.className = 'hb-map__dot';
  dot.setAttribute('role', 'img');
  dot.setAttribute('aria-label', options.label);
  const marker = new maplibregl.Marker({ element: dot, draggable: true });
  const place = (at: { lat: number; lon: number }, fly: boolean) => {
    marker.setLngLat([at.lon, at.lat]).addTo(map);
    if (fly) map.jumpTo({ center: [at.lon, at.lat], zoom: Math.max(map.getZoom(), closeZoom) });
  };
  if (options.at) place(options.at, false);
  const rounded = (n: number) => Math.round(n * 1e6) / 1e6;
  map.on('click', (event) => {
    const at = { lat: rounded(event.lngLat.lat), lon: rounded(event.lngLat.lng) };
    place(at, false);
    options.onPick(at);
  });
  marker.on('dragend', () => {
    const { lat, lng } = marker.getLngLat();
    options.onPick({ lat: rounded(lat), lon: rounded(lng) });
  });
  return {
    moveTo: (at) => place(at, true),
    destroy: () => map.remove(),
  };
}
