/** Every migration, in the order it applies. Names sort lexically in the same order. */
import type { Migration } from 'kysely/migration';
import * as spine from './0001-spine.ts';

export const migrations: Record<string, Migration> = {
  '0001-spine': spine,
};
