/** Stats' public face: overview figures computed from tracking's parcel summaries. */
export { createStatsService, type StatsService } from './service.ts';
export { registerStatsRoutes } from './routes.ts';
