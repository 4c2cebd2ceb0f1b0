// The district map (MapLibre GL, a lazy chunk): local GeoJSON layers only, coloured by today's
// parcels per 1,000 residents, with facility layers that can be switched on and off. Text is
// shown in popups and the legend, not on the map, so no remote glyphs are needed.
import * as maplibregl from 'maplibre-gl';
import type { FilterSpecification, GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CityLayers, DistrictFigure } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { markOnce } from '../load-marks.ts';
import { colourFor, rateDigits } from './colour-scale.ts';

// MapLibre 6 loads its worker from a URL; the bundler emits the file and gives us its address.
maplibregl.setWorkerUrl(workerUrl);
// This chunk is loaded ahead of the map (overview/preload.ts): start the worker now, so its
// download and compilation overlap the API calls instead of following the map's creation.
maplibregl.prewarm();
markOnce('pg:map-chunk');

type PointLayer = 'parks' | 'sorting_centres' | 'delivery_stations' | 'metro_stations' | 'metro_exits';

const POINT_LAYERS: readonly { id: PointLayer; label: MessageKey; colour: string; radius: number; visible: boolean }[] = [
  { id: 'parks', label: 'layer.parks', colour: '#6a1b9a', radius: 7, visible: true },
  { id: 'sorting_centres', label: 'layer.sortingCentres', colour: '#c62828', radius: 6, visible: true },
  { id: 'delivery_stations', label: 'layer.stations', colour: '#2e7d32', radius: 4, visible: true },
  { id: 'metro_stations', label: 'layer.metroStations', colour: '#1565c0', radius: 3, visible: false },
  { id: 'metro_exits', label: 'layer.metroExits', colour: '#4fc3f7', radius: 2, visible: false },
];

/** District features with the day's figures merged in, for the fill colour and popups. */
function coloured(layers: CityLayers, districts: readonly DistrictFigure[]): GeoJSON.FeatureCollection {
  const byCode = new Map(districts.map((district) => [district.adcode, district]));
  const max = Math.max(0, ...districts.map((district) => district.per_thousand));
  const features = layers.districts.features.map((feature) => {
    const figure = byCode.get(String(feature.properties['adcode']));
    const rate = figure?.per_thousand ?? 0;
    return { ...feature, properties: { ...feature.properties, per_thousand: rate, parcels: figure?.parcels ?? 0, fill: colourFor(rate, max) } };
  });
  // The server sends valid GeoJSON geometries; the console's types leave them opaque.
  return { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection;
}

/**
 * Every point layer in one collection, each feature tagged with its layer: one source is one
 * pass of the map's worker instead of five, and the circle layers pick their points by the tag.
 */
function facilities(layers: CityLayers): GeoJSON.FeatureCollection {
  const features = POINT_LAYERS.flatMap((layer) => layers[layer.id].features.map((feature) => ({ ...feature, properties: { ...feature.properties, layer: layer.id } })));
  return { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection;
}

/**
 * The whole map as one style, data included: the map then loads every layer in a single pass
 * and draws once, rather than drawing an empty style and again for each layer added after it.
 */
function mapStyle(layers: CityLayers, districts: readonly DistrictFigure[], tileUrl: string | null): StyleSpecification {
  return {
    version: 8,
    sources: {
      ...(tileUrl ? { base: { type: 'raster', tiles: [tileUrl], tileSize: 256 } } : {}),
      districts: { type: 'geojson', data: coloured(layers, districts) },
      facilities: { type: 'geojson', data: facilities(layers) },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e8eef3' } },
      ...(tileUrl ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : []),
      { id: 'district-fill', type: 'fill', source: 'districts', paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': 0.8 } },
      { id: 'district-line', type: 'line', source: 'districts', paint: { 'line-color': '#5d4037', 'line-width': 1 } },
      ...POINT_LAYERS.map((layer) => ({
        id: layer.id,
        type: 'circle' as const,
        source: 'facilities',
        filter: ['==', ['get', 'layer'], layer.id] as FilterSpecification,
        layout: { visibility: layer.visible ? ('visible' as const) : ('none' as const) },
        paint: { 'circle-color': layer.colour, 'circle-radius': layer.radius, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 },
      })),
    ],
  };
}

/** True when this browser can create a WebGL2 context, which MapLibre needs. */
function canDrawMap(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

interface Props {
  readonly layers: CityLayers;
  readonly districts: readonly DistrictFigure[];
  readonly tileUrl: string | null;
  /** Shown instead of the map when the browser cannot draw it. */
  readonly fallback: ReactNode;
}

/** The map; `districts` may change on every poll and only recolours the fill. */
export default function CityMap({ layers, districts, tileUrl, fallback }: Props) {
  const { t, locale, number } = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [visible, setVisible] = useState(() => new Set(POINT_LAYERS.filter((layer) => layer.visible).map((layer) => layer.id)));
  const [supported] = useState(canDrawMap);
  const labels = useRef({ locale, perThousand: t('overview.perThousand'), number });
  labels.current = { locale, perThousand: t('overview.perThousand'), number };
  // The figures the district layer should show, and those it shows: the layer starts with the
  // latest figures and is re-sent only when they change, since every re-send is a worker round
  // trip and a full redraw (slow in a software-rendered browser).
  const wanted = useRef(districts);
  wanted.current = districts;
  const shown = useRef<readonly DistrictFigure[] | null>(null);

  useEffect(() => {
    if (!container.current || !supported) return;
    shown.current = wanted.current;
    const instance = new maplibregl.Map({
      container: container.current,
      style: mapStyle(layers, wanted.current, tileUrl),
      bounds: layers.city.bbox,
      fitBoundsOptions: { padding: 16 },
      attributionControl: false,
      // One city: no copies of the world to tile, and no label fading to animate.
      renderWorldCopies: false,
      fadeDuration: 0,
    });
    markOnce('pg:map-created');
    map.current = instance;
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }));
    // 'idle': every layer's data is in and drawn, which is what "loaded" promises the page.
    instance.once('idle', () => {
      markOnce('pg:map-drawn');
      setLoaded(true);
    });
    const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false });
    instance.on('mousemove', (event: maplibregl.MapMouseEvent) => {
      const [feature] = instance.queryRenderedFeatures(event.point, { layers: [...POINT_LAYERS.map((layer) => layer.id), 'district-fill'] });
      if (!feature) return void popup.remove();
      const { locale: current, perThousand, number: format } = labels.current;
      const props = feature.properties as Record<string, unknown>;
      const name = String((current === 'en' ? props['name_en'] : props['name_zh']) ?? props['name_zh'] ?? '');
      const text = feature.layer.id === 'district-fill' ? `${name}: ${format(Number(props['per_thousand']), rateDigits(Number(props['per_thousand'])))} ${perThousand}` : name;
      popup.setLngLat(event.lngLat).setText(text).addTo(instance);
    });
    return () => {
      popup.remove();
      instance.remove();
      map.current = null;
      shown.current = null;
      setLoaded(false);
    };
  }, [layers, tileUrl, supported]);

  useEffect(() => {
    if (!loaded || shown.current === districts) return;
    shown.current = districts;
    (map.current?.getSource('districts') as GeoJSONSource | undefined)?.setData(coloured(layers, districts));
  }, [loaded, layers, districts]);

  useEffect(() => {
    if (!loaded) return;
    for (const layer of POINT_LAYERS) map.current?.setLayoutProperty(layer.id, 'visibility', visible.has(layer.id) ? 'visible' : 'none');
  }, [loaded, visible]);

  if (!supported) return <>{fallback}</>;
  const toggle = (id: PointLayer) =>
    setVisible((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-map-state={loaded ? 'loaded' : 'loading'} data-district-features={loaded ? layers.districts.features.length : undefined} />
      <fieldset className="layers">
        <legend>{t('layer.title')}</legend>
        {POINT_LAYERS.map((layer) => (
          <label key={layer.id}>
            <input type="checkbox" checked={visible.has(layer.id)} onChange={() => toggle(layer.id)} />
            <span className="dot" style={{ background: layer.colour }} aria-hidden="true" /> {t(layer.label)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
