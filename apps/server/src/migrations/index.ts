import type { Migration } from 'kysely';
import * as foundation from './20261122T1600-foundation.ts';
import * as admin from './20261122T1710-admin.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: Record<string, Migration> = {
  '20261122T1600-foundation': foundation,
  '20261122T1710-admin': admin,
};
