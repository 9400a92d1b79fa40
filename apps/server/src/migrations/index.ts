import type { Migration } from 'kysely';
import * as foundation from './20261122T1600-foundation.ts';
import * as admin from './20261122T1710-admin.ts';
import * as spaces from './20261122T1800-spaces.ts';
import * as searchWithoutEmail from './20261122T1900-search-without-email.ts';
import * as conversation from './20261122T2000-conversation.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: Record<string, Migration> = {
  '20261122T1600-foundation': foundation,
  '20261122T1710-admin': admin,
  '20261122T1800-spaces': spaces,
  '20261122T1900-search-without-email': searchWithoutEmail,
  '20261122T2000-conversation': conversation,
};
