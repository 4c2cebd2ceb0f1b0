/** Tracking's public face: what other capabilities and the composition root may use. */
export { createTrackingService, type TrackingService } from './service.ts';
export { registerParcels, type ParcelRegistration } from './parcel-registration.ts';
export { registerTrackingRoutes } from './routes.ts';
export { statusLabels, statuses, codeSets, type Status } from './model/index.ts';
export { createParcelSummary, type ParcelSummary, type ParcelCountCell, type ParcelCounters, type SummaryWindow } from './summary.ts';
