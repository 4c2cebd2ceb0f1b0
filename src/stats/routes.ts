/** HTTP route for the overview figures the console's city page shows. */
import { Type } from 'typebox';
import { principalOf } from '../platform/http/access.ts';
import { ERROR_RESPONSES } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { StatsService } from './service.ts';

const Count = Type.Integer({ minimum: 0 });

const OverviewSchema = Type.Object({
  date: Type.String({ description: 'Local calendar date the figures are for' }),
  timezone: Type.String(),
  scope: Type.Enum(['city', 'own'], { description: 'city: every parcel (regulators); own: parcels the caller is party to' }),
  counters: Type.Object({
    created_today: Count,
    in_flight: Type.Integer({ minimum: 0, description: 'Collected and not yet delivered, returned or cancelled' }),
    delivered_today: Count,
    exceptions: Type.Integer({ minimum: 0, description: 'Parcels currently in status exception' }),
  }),
  districts: Type.Array(
    Type.Object({ adcode: Type.String(), name_zh: Type.String(), name_en: Type.String(), population: Count, parcels: Count, per_thousand: Type.Number() }),
  ),
  outside_city: Type.Integer({ description: 'Parcels of the day addressed outside the city\'s districts' }),
  by_status: Type.Array(Type.Object({ status: Type.String(), parcels: Count })),
  hours: Type.Array(Type.Object({ hour: Type.Integer({ minimum: 0, maximum: 23 }), total: Count, by_status: Type.Record(Type.String(), Count) })),
  carriers: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), parcels: Count })),
});

/** Registers the stats routes on the server. */
export function registerStatsRoutes(app: HttpServer, service: StatsService): void {
  app.get('/v1/stats/overview', {
    schema: {
      tags: ['stats'],
      summary: 'A day\'s parcels by district, status, hour and carrier, with live counters',
      querystring: Type.Object({ date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, local; default today' })) }),
      response: { 200: OverviewSchema, ...ERROR_RESPONSES },
    },
    config: { access: { kinds: ['carrier', 'platform', 'regulator'], scope: 'parcels:read' } },
  }, async (request) => service.overview(principalOf(request), request.query.date));
}
