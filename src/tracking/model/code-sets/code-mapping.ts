import type { IncidentReason } from '../incident-reason.ts';
import type { Status } from '../status.ts';
import type { SubStatusOf } from '../sub-status.ts';

/**
 * A canonical status with an optional sub-status that belongs to it (checked by the compiler:
 * `{ status: 'delivered', subStatus: 'in_locker' }` does not type-check) and an optional reason.
 */
export type CanonicalOutcome = {
  [S in Status]: {
    readonly status: S;
    readonly subStatus?: SubStatusOf<S>;
    readonly incidentReason?: IncidentReason;
  };
}[Status];

/** One row of a code set: the carrier's own meaning of the code, and what it maps to. */
export type CodeMapping = CanonicalOutcome & { readonly meaning: string };

/** A code set: raw code → mapping. */
export type CodeTable = Readonly<Record<string, CodeMapping>>;
