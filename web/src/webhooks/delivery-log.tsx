// One subscription's delivery log, newest attempt first, a page at a time.
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { DeliveryAttempt, Page } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { Problem } from '../components/problem.tsx';
import { useLocale } from '../i18n/locale.tsx';
import type { Session } from '../session.ts';

const PAGE_SIZE = 20;

/** The log; a new `version` (after a test or replay) loads the newest page again. */
export function DeliveryLog({ session, subscriptionId, version }: { session: Session; subscriptionId: string; version: number }) {
  const { t, dateTime, number, eventType } = useLocale();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const path = `/v1/webhooks/${encodeURIComponent(subscriptionId)}/deliveries?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const log = useApi(() => api<Page<DeliveryAttempt>>(session.key, path), [session.key, path, version]);
  const [shownVersion, setShownVersion] = useState(version);
  if (shownVersion !== version) {
    // A new attempt lands on the first page: go back to it.
    setShownVersion(version);
    setCursor(undefined);
  }

  return (
    <div className="delivery-log">
      <Problem error={log.error} onRetry={log.reload} />
      {log.data?.data.length === 0 && <p className="hint">{t('webhooks.noDeliveries')}</p>}
      {log.data && log.data.data.length > 0 && (
        <div className="table-scroll">
          <table className="deliveries" aria-busy={log.loading}>
            <thead>
              <tr>
                <th>{t('webhooks.attemptedAt')}</th><th>{t('webhooks.eventType')}</th><th>{t('webhooks.eventId')}</th>
                <th className="num">{t('webhooks.attempt')}</th><th>{t('webhooks.outcome')}</th><th className="num">{t('webhooks.statusCode')}</th>
                <th className="num">{t('webhooks.duration')}</th><th>{t('webhooks.error')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.data.map((attempt) => (
                <tr key={attempt.id} data-outcome={attempt.outcome}>
                  <td>{dateTime(attempt.attempted_at)}</td>
                  <td>{eventType(attempt.event_type)}</td>
                  <td><code>{attempt.event_id}</code></td>
                  <td className="num">{number(attempt.attempt)}</td>
                  <td className={attempt.outcome === 'failed' ? 'flag' : undefined}>{attempt.outcome === 'delivered' ? t('webhooks.delivered') : t('webhooks.failed')}</td>
                  <td className="num">{attempt.status_code ?? '—'}</td>
                  <td className="num">{number(attempt.duration_seconds, 2)} s</td>
                  <td className="wrap">{attempt.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pager">
        <button type="button" className="secondary" disabled={cursor === undefined} onClick={() => setCursor(undefined)}>{t('webhooks.newest')}</button>
        <button type="button" className="secondary" disabled={!log.data?.next_cursor} onClick={() => setCursor(log.data?.next_cursor ?? undefined)}>{t('webhooks.older')}</button>
      </div>
    </div>
  );
}
