// Progress lines for long runs: every few real seconds, one line on stderr with the sim time,
// what has been sent and the parcels by expected status.
import type { Ledger } from './ledger.ts';

/** One progress line: sim time (UTC), orders, waybills, scan uploads and statuses. */
export function progressLine(simNowMs: number, ledger: Ledger): string {
  const { counts } = ledger;
  const statuses = Object.entries(ledger.statusCounts())
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status} ${count}`)
    .join(', ');
  const events = counts.eventsCreated + counts.eventsDuplicate;
  return `sim ${new Date(simNowMs).toISOString().slice(0, 16)}Z · orders ${counts.orders} · waybills ${counts.waybills} · events ${events} (${counts.eventsDuplicate} duplicate, ${counts.eventsOutOfOrder} late) · ${statuses || 'no parcels yet'}`;
}

/** Writes a progress line every `intervalMs` until the returned stop function is called. */
export function reportProgress(intervalMs: number, line: () => string, write: (text: string) => void): () => void {
  const timer = setInterval(() => write(`${line()}\n`), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
