/** City map's public face: GeoJSON layers of the loaded city for the console. */
export { cityMapLayers, type CityMapLayers, type FeatureCollection } from './model.ts';
export { registerCityMapRoutes } from './routes.ts';
