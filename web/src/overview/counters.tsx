// The four live counters at the top of the overview.
import type { Overview } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';

/** Counters for today; they re-render on every poll. */
export function Counters({ overview }: { overview: Overview }) {
  const { t, number } = useLocale();
  const items = [
    { label: t('overview.created'), value: overview.counters.created_today, id: 'created' },
    { label: t('overview.inFlight'), value: overview.counters.in_flight, id: 'in-flight' },
    { label: t('overview.delivered'), value: overview.counters.delivered_today, id: 'delivered' },
    { label: t('overview.exceptions'), value: overview.counters.exceptions, id: 'exceptions' },
  ];
  return (
    <div className="counters" aria-live="polite">
      {items.map((item) => (
        <div key={item.id} className={`counter counter-${item.id}`} data-counter={item.id}>
          <span className="counter-value">{number(item.value)}</span>
          <span className="counter-label">{item.label}</span>
        </div>
      ))}
    </div>
  );
}
