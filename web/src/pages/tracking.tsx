// Tracking: search a waybill number; the route holds the number, so a timeline can be linked.
import { useEffect, useState, type FormEvent } from 'react';
import { may } from '../access.ts';
import { api, ApiError } from '../api/client.ts';
import type { Timeline } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { Problem } from '../components/problem.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { hrefOf } from '../route.ts';
import type { Session } from '../session.ts';
import { RevealContact } from './reveal-contact.tsx';
import { TimelineView } from './timeline-view.tsx';

/** The tracking page for `waybillNo` (empty: just the search box). */
export function TrackingPage({ session, waybillNo }: { session: Session; waybillNo: string }) {
  const { t } = useLocale();
  const [query, setQuery] = useState(waybillNo);
  useEffect(() => setQuery(waybillNo), [waybillNo]);
  const timeline = useApi(
    () => (waybillNo ? api<Timeline>(session.key, `/v1/tracking/${encodeURIComponent(waybillNo)}`) : Promise.resolve(undefined)),
    [session.key, waybillNo],
  );
  const search = (event: FormEvent) => {
    event.preventDefault();
    const wanted = query.trim();
    if (wanted) location.hash = hrefOf({ page: 'tracking', waybillNo: wanted });
  };
  const notFound = timeline.error instanceof ApiError && timeline.error.status === 404;

  return (
    <section>
      <h1>{t('tracking.title')}</h1>
      <form className="search" onSubmit={search} role="search">
        <input name="waybill" aria-label={t('tracking.placeholder')} placeholder={t('tracking.placeholder')} value={query} onChange={(event) => setQuery(event.target.value)} maxLength={40} />
        <button type="submit">{t('tracking.search')}</button>
      </form>
      {notFound ? (
        <p className="problem" role="alert">{t('tracking.notFound', { no: waybillNo })}</p>
      ) : (
        <Problem error={timeline.error} onRetry={timeline.reload} />
      )}
      {timeline.loading && waybillNo && <p>{t('common.loading')}</p>}
      {!timeline.error && timeline.data && (
        <TimelineView
          timeline={timeline.data}
          actions={may(session.me, 'reveal') ? <RevealContact key={timeline.data.parcel_id} session={session} timeline={timeline.data} /> : undefined}
        />
      )}
    </section>
  );
}
