/**
 * The city overview: today's (or a given day's) parcels by destination district, status, local
 * hour and carrier, plus live counters. A regulator sees the whole city; a carrier or platform
 * only the parcels it is party to, so the same screen works for every role.
 */
import type { City } from '../city/index.ts';
import { DomainError } from '../platform/errors.ts';
import type { Principal } from '../platform/tenancy/model.ts';
import type { TenancyService } from '../platform/tenancy/service.ts';
import type { ParcelCountCell, ParcelSummary } from '../tracking/index.ts';
import { dayWindow, localDate, perThousandResidents } from './model.ts';

export interface StatsDeps {
  readonly summary: ParcelSummary;
  readonly city: City;
  readonly tenancy: Pick<TenancyService, 'findPartyById'>;
  /** The current instant; injectable so tests can pin "today". */
  readonly now?: () => Date;
}

/** Sums cell counts by a key. */
function tally(cells: readonly ParcelCountCell[], keyOf: (cell: ParcelCountCell) => string | number): Map<string | number, number> {
  const totals = new Map<string | number, number>();
  for (const cell of cells) totals.set(keyOf(cell), (totals.get(keyOf(cell)) ?? 0) + cell.count);
  return totals;
}

/** Creates the stats service. */
export function createStatsService(deps: StatsDeps) {
  const { city, summary } = deps;
  const now = deps.now ?? (() => new Date());

  async function carrierRows(cells: readonly ParcelCountCell[]) {
    const counts = tally(cells, (cell) => cell.carrierId);
    return Promise.all(
      [...counts].map(async ([id, count]) => {
        const party = await deps.tenancy.findPartyById(String(id));
        return { id: String(id), code: party?.code ?? String(id), name: party?.name ?? String(id), parcels: count };
      }),
    );
  }

  return {
    /** Figures for one local day (default: today in the city's time zone). */
    async overview(principal: Principal, date?: string) {
      const day = date ?? localDate(now(), city.timezone);
      let window;
      try {
        window = { ...dayWindow(day, city.timezone), timezone: city.timezone };
      } catch (error) {
        throw new DomainError('validation_failed', (error as Error).message);
      }
      const viewer = { partyId: principal.partyId, seesAll: principal.partyKind === 'regulator' };
      const [cells, counters] = await Promise.all([summary.countCells(viewer, window), summary.counters(viewer, window)]);

      const byDistrict = tally(cells, (cell) => cell.district);
      const byStatus = tally(cells, (cell) => cell.status);
      const hours = Array.from({ length: 24 }, (_, hour) => {
        const inHour = cells.filter((cell) => cell.hour === hour);
        return { hour, total: inHour.reduce((sum, cell) => sum + cell.count, 0), by_status: Object.fromEntries(tally(inHour, (cell) => cell.status)) };
      });
      const districts = city.districts.map((district) => {
        const parcels = byDistrict.get(String(district.adcode)) ?? 0;
        return {
          adcode: String(district.adcode),
          name_zh: district.nameZh,
          name_en: district.nameEn,
          population: district.population2020,
          parcels,
          per_thousand: perThousandResidents(parcels, district.population2020),
        };
      });
      const inCity = districts.reduce((sum, district) => sum + district.parcels, 0);

      return {
        date: day,
        timezone: city.timezone,
        scope: viewer.seesAll ? ('city' as const) : ('own' as const),
        counters: { created_today: counters.created, in_flight: counters.inFlight, delivered_today: counters.delivered, exceptions: counters.exceptions },
        districts,
        outside_city: counters.created - inCity,
        by_status: [...byStatus].map(([status, count]) => ({ status: String(status), parcels: count })),
        hours,
        carriers: await carrierRows(cells),
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
