/** Every migration, in the order it applies. Names sort lexically in the same order. */
import type { Migration } from 'kysely/migration';
import * as spine from './0001-spine.ts';
import * as webhooks from './0002-webhooks.ts';
import * as privacy from './0003-privacy.ts';
import * as ingestWritePath from './0004-ingest-write-path.ts';
import * as outboxLz4 from './0005-outbox-lz4.ts';
import * as outboxLeases from './0006-outbox-leases.ts';
import * as sharedRateLimits from './0007-shared-rate-limits.ts';

export const migrations: Record<string, Migration> = {
  '0001-spine': spine,
  '0002-webhooks': webhooks,
  '0003-privacy': privacy,
  '0004-ingest-write-path': ingestWritePath,
  '0005-outbox-lz4': outboxLz4,
  '0006-outbox-leases': outboxLeases,
  '0007-shared-rate-limits': sharedRateLimits,
};
