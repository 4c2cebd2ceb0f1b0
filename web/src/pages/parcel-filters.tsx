// The filter form above the parcel list.
import { useState, type FormEvent } from 'react';
import type { Overview } from '../api/types.ts';
import { STATUSES } from '../i18n/dictionary.ts';
import { useLocale } from '../i18n/locale.tsx';
import { NO_FILTERS, type ParcelFilters } from './parcels-query.ts';

interface Props {
  readonly applied: ParcelFilters;
  readonly overview: Overview | undefined;
  onApply(filters: ParcelFilters): void;
}

/** Status, carrier, district and date filters; applied on submit. */
export function ParcelFilterForm({ applied, overview, onApply }: Props) {
  const { t, status, locale } = useLocale();
  const [draft, setDraft] = useState(applied);
  const set = (field: keyof ParcelFilters) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filters" onSubmit={submit}>
      <label>
        {t('parcels.status')}
        <select name="status" value={draft.status} onChange={set('status')}>
          <option value="">{t('common.all')}</option>
          {STATUSES.map((code) => <option key={code} value={code}>{status(code)}</option>)}
        </select>
      </label>
      <label>
        {t('parcels.carrier')}
        <select name="carrier" value={draft.carrier} onChange={set('carrier')}>
          <option value="">{t('common.all')}</option>
          {overview?.carriers.map((carrier) => <option key={carrier.id} value={carrier.code}>{carrier.name}（{carrier.code}）</option>)}
        </select>
      </label>
      <label>
        {t('parcels.district')}
        <select name="district" value={draft.district} onChange={set('district')}>
          <option value="">{t('common.all')}</option>
          {overview?.districts.map((district) => (
            <option key={district.adcode} value={district.adcode}>{locale === 'en' ? district.name_en : district.name_zh}</option>
          ))}
        </select>
      </label>
      <label>
        {t('parcels.date')}
        <input name="date" type="date" value={draft.date} onChange={set('date')} />
      </label>
      <button type="submit">{t('parcels.apply')}</button>
      <button type="button" className="secondary" onClick={() => { setDraft(NO_FILTERS); onApply(NO_FILTERS); }}>
        {t('parcels.reset')}
      </button>
    </form>
  );
}
