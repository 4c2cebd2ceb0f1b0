// One parcel's canonical timeline: status summary, anomalies flagged, and every scan with the
// carrier's raw code on hover or focus. Personal data never appears here (the API masks it);
// `actions` is where role-specific actions (such as revealing contact data) plug in.
import type { ReactNode } from 'react';
import type { Timeline } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';

/** The timeline of one parcel. */
export function TimelineView({ timeline, actions }: { timeline: Timeline; actions?: ReactNode }) {
  const { t, status, dateTime, number, locale } = useLocale();
  return (
    <article className="timeline card" data-waybill={timeline.waybill_no}>
      <header>
        <h2>{timeline.waybill_no}</h2>
        <dl>
          <dt>{t('tracking.status')}</dt>
          <dd><span className={`status status-${timeline.status}`}>{locale === 'en' ? timeline.status_label.en : timeline.status_label.zh}</span></dd>
          <dt>{t('tracking.carrier')}</dt>
          <dd>{timeline.carrier}</dd>
          <dt>{t('tracking.attempts')}</dt>
          <dd>{number(timeline.attempts)}</dd>
          <dt>{t('tracking.destination')}</dt>
          <dd>{timeline.destination_admin_code}</dd>
        </dl>
        {actions}
      </header>
      {timeline.anomalies.length > 0 && (
        <p className="problem" role="status">{t('tracking.anomalyCount', { n: number(timeline.anomalies.length) })}</p>
      )}
      <ol className="events">
        {timeline.events.map((event) => {
          const raw = [event.raw.code_set, event.raw.code, event.raw.message].filter(Boolean).join(' · ');
          return (
            <li key={event.event_id} className={event.anomaly ? 'event anomalous' : 'event'} data-status={event.status}>
              <time dateTime={event.occurred_at}>{dateTime(event.occurred_at)}</time>
              <span className={`status status-${event.status}`}>{status(event.status)}</span>
              {event.sub_status && <span className="sub">{event.sub_status}</span>}
              {event.facility?.name && <span className="facility">{event.facility.name}</span>}
              <span className="raw" title={raw} tabIndex={0} aria-label={`${t('tracking.raw')}: ${raw}`}>
                {t('tracking.raw')} {event.raw.code}
              </span>
              {event.anomaly && <span className="flag" role="note">⚠ {t('tracking.anomaly')}: {event.anomaly}</span>}
            </li>
          );
        })}
      </ol>
      <p className="hint">{t('tracking.masked')}</p>
    </article>
  );
}
