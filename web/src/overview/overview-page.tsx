// The city overview: live counters (polled), the district map and the volume charts. Map and
// charts are separate lazy chunks, so counters and legend show before their code arrives.
import { Suspense, useEffect } from 'react';
import type { DistrictFigure } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { Problem } from '../components/problem.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { markOnce } from '../load-marks.ts';
import type { Session } from '../session.ts';
import { Counters } from './counters.tsx';
import { DistrictLegend } from './district-legend.tsx';
import { cityMap, loadCityLayers, loadOverviewFigures, preloadOverview, volumeCharts } from './preload.ts';
import { readTileUrl } from './tile-setting.ts';

const CityMap = cityMap.Component;
const VolumeCharts = volumeCharts.Component;

const NO_DISTRICTS: readonly DistrictFigure[] = [];

/** How often the counters and charts refresh. */
const POLL_MS = 5000;

/** The overview page. */
export function OverviewPage({ session }: { session: Session }) {
  const { t, dateTime } = useLocale();
  const overview = useApi(() => loadOverviewFigures(session.key), [session.key], POLL_MS);
  const city = useApi(loadCityLayers, []);
  const data = overview.data;
  // Usually started already (app.tsx); when the user comes from another page, start it now, in
  // parallel with the API calls, rather than when the first figures arrive.
  useEffect(preloadOverview, []);
  useEffect(() => {
    if (data) markOnce('pg:overview-data');
  }, [data]);
  const mapFallback = <p className="hint">{t('overview.mapUnavailable')}</p>;

  return (
    <section className="overview">
      <h1>
        {t('overview.title')} <small>{data && (data.scope === 'city' ? t('overview.scopeCity') : t('overview.scopeOwn'))}</small>
      </h1>
      <Problem error={overview.error} onRetry={overview.reload} />
      {data ? <Counters overview={data} /> : !overview.error && <p>{t('common.loading')}</p>}
      {data && (
        <p className="hint">
          {t('overview.updated')} <time data-updated>{dateTime(overview.loadedAt ?? null)}</time>
        </p>
      )}
      <div className="map-row">
        <div className="map-box">
          <h2>{t('overview.map')}</h2>
          <Problem error={city.error} onRetry={city.reload} />
          {city.data && (
            <ErrorBoundary fallback={() => mapFallback}>
              <Suspense fallback={<div className="map-placeholder">{t('common.loading')}</div>}>
                <CityMap layers={city.data} districts={data?.districts ?? NO_DISTRICTS} tileUrl={readTileUrl()} fallback={mapFallback} />
              </Suspense>
            </ErrorBoundary>
          )}
        </div>
        {data && <DistrictLegend districts={data.districts} outsideCity={data.outside_city} />}
      </div>
      {data && (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <VolumeCharts overview={data} />
        </Suspense>
      )}
    </section>
  );
}
