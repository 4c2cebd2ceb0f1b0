// Parcels: a filtered list with cursor paging over GET /v1/parcels, and CSV export of every
// page matching the filters (up to a cap).
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Overview, Page, Parcel } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { Problem } from '../components/problem.tsx';
import { download, toCsv } from '../csv.ts';
import { useLocale, type LocaleTools } from '../i18n/locale.tsx';
import { hrefOf } from '../route.ts';
import type { Session } from '../session.ts';
import { ParcelFilterForm } from './parcel-filters.tsx';
import { NO_FILTERS, parcelsQuery, type ParcelFilters } from './parcels-query.ts';

const PAGE_SIZE = 50;
/** Export stops after this many rows so one click cannot pull the whole city. */
const EXPORT_CAP = 5000;

/** Readable names for party ids and district codes, from the overview figures. */
function namers(overview: Overview | undefined, locale: string) {
  const carriers = new Map(overview?.carriers.map((carrier) => [carrier.id, carrier.code]));
  const districts = new Map(overview?.districts.map((district) => [district.adcode, locale === 'en' ? district.name_en : district.name_zh]));
  return {
    carrier: (id: string) => carriers.get(id) ?? id,
    district: (code: string) => districts.get(code.slice(0, 6)) ?? code,
  };
}

function csvRows(parcels: readonly Parcel[], tools: LocaleTools, names: ReturnType<typeof namers>): string[][] {
  const header = ['parcels.waybill', 'parcels.status', 'parcels.carrier', 'parcels.district', 'parcels.weight', 'parcels.created', 'parcels.lastEvent', 'parcels.anomalies'] as const;
  return [
    [...header.map((key) => tools.t(key)), 'admin_code'],
    ...parcels.map((p) => [p.waybill_no, tools.status(p.status), names.carrier(p.carrier_id), names.district(p.destination_admin_code), String(p.weight_g), p.created_at, p.last_event_at ?? '', String(p.anomaly_count), p.destination_admin_code]),
  ];
}

/** The parcels page. */
export function ParcelsPage({ session }: { session: Session }) {
  const tools = useLocale();
  const { t, status, number, dateTime, locale, timeZone } = tools;
  const [filters, setFilters] = useState<ParcelFilters>(NO_FILTERS);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [exporting, setExporting] = useState<{ error?: unknown; capped?: boolean; busy: boolean }>({ busy: false });
  const overview = useApi(() => api<Overview>(session.key, '/v1/stats/overview'), [session.key]);
  const page = useApi(() => api<Page<Parcel>>(session.key, parcelsQuery(filters, timeZone, PAGE_SIZE, cursor)), [session.key, filters, cursor]);
  const names = namers(overview.data, locale);

  async function exportCsv() {
    setExporting({ busy: true });
    try {
      const rows: Parcel[] = [];
      let next: string | undefined;
      do {
        const batch = await api<Page<Parcel>>(session.key, parcelsQuery(filters, timeZone, 100, next));
        rows.push(...batch.data);
        next = batch.next_cursor ?? undefined;
      } while (next && rows.length < EXPORT_CAP);
      download(`parcels-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(csvRows(rows, tools, names)));
      setExporting({ busy: false, capped: next !== undefined });
    } catch (error) {
      setExporting({ busy: false, error });
    }
  }

  return (
    <section>
      <h1>{t('parcels.title')}</h1>
      <ParcelFilterForm applied={filters} overview={overview.data} onApply={(next) => { setCursor(undefined); setFilters(next); }} />
      <Problem error={page.error} onRetry={page.reload} />
      <Problem error={exporting.error} />
      {exporting.capped && <p className="hint">{t('parcels.exportCapped', { n: number(EXPORT_CAP) })}</p>}
      <div className="table-scroll">
        <table className="parcels" aria-busy={page.loading}>
          <thead>
            <tr>
              <th>{t('parcels.waybill')}</th>
              <th>{t('parcels.status')}</th>
              <th>{t('parcels.carrier')}</th>
              <th>{t('parcels.district')}</th>
              <th className="num">{t('parcels.weight')}</th>
              <th>{t('parcels.created')}</th>
              <th>{t('parcels.lastEvent')}</th>
              <th className="num">{t('parcels.anomalies')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.data.map((parcel) => (
              <tr key={parcel.id}>
                <td><a href={hrefOf({ page: 'tracking', waybillNo: parcel.waybill_no })}>{parcel.waybill_no}</a></td>
                <td><span className={`status status-${parcel.status}`}>{status(parcel.status)}</span></td>
                <td>{names.carrier(parcel.carrier_id)}</td>
                <td>{names.district(parcel.destination_admin_code)}</td>
                <td className="num">{number(parcel.weight_g / 1000, 2)} kg</td>
                <td>{dateTime(parcel.created_at)}</td>
                <td>{dateTime(parcel.last_event_at)}</td>
                <td className={parcel.anomaly_count > 0 ? 'num flag' : 'num'}>{number(parcel.anomaly_count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.data?.data.length === 0 && <p className="hint">{t('common.none')}</p>}
      <div className="pager">
        <button type="button" className="secondary" disabled={cursor === undefined} onClick={() => setCursor(undefined)}>{t('parcels.first')}</button>
        <button type="button" className="secondary" disabled={!page.data?.next_cursor} onClick={() => setCursor(page.data?.next_cursor ?? undefined)}>{t('parcels.next')}</button>
        <span className="spacer" />
        <button type="button" disabled={exporting.busy} onClick={() => void exportCsv()}>{exporting.busy ? t('parcels.exporting') : t('parcels.export')}</button>
      </div>
    </section>
  );
}
