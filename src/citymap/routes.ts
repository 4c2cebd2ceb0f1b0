/** GET /v1/city: the map layers, public open data, serialised once and cached by browsers. */
import type { HttpServer } from '../platform/http/server.ts';
import type { CityMapLayers } from './model.ts';

/** Registers the city map route; the body is built once since the data never changes at runtime. */
export function registerCityMapRoutes(app: HttpServer, layers: CityMapLayers): void {
  const body = JSON.stringify(layers);
  app.get('/v1/city', {
    schema: { tags: ['city'], summary: 'The city\'s map layers as GeoJSON (districts with census population, parks, metro, demo network)' },
    config: { access: 'public' },
  }, async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').type('application/json').send(body));
}
