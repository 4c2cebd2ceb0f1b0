/** Public surface of the pure tracking model: vocabulary, code-set mapping and the fold. */
export { statuses, statusLabels, isStatus, type Status } from './status.ts';
export { subStatusesByStatus, subStatuses, isSubStatusOf, type SubStatus, type SubStatusOf } from './sub-status.ts';
export { incidentReasons, isIncidentReason, type IncidentReason } from './incident-reason.ts';
export type { CanonicalOutcome, CodeMapping, CodeTable } from './code-sets/code-mapping.ts';
export {
  codeSets,
  codeTables,
  mapCarrierCode,
  type CodeSetName,
  type MappedCode,
  type UnknownCode,
} from './map-carrier-code.ts';
export { judgeTransition, terminalStatuses, type TransitionVerdict } from './transitions.ts';
export type { TrackedEvent, ParcelState, StatusAnomaly } from './tracked-event.ts';
export { foldParcelStatus, extendParcelState } from './fold.ts';
