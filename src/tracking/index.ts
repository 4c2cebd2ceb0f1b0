/** Tracking's public face: what other capabilities and the composition root may use. */
export { createTrackingService, registerParcel, type ParcelRegistration, type TrackingService } from './service.ts';
export { registerTrackingRoutes } from './routes.ts';
export { statusLabels, statuses, codeSets, type Status } from './model/index.ts';
export { createParcelSummary, type ParcelSummary, type ParcelCountCell, type ParcelCounters, type SummaryWindow } from './summary.ts';
