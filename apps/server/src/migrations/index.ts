import type { Migration } from 'kysely';
import * as foundation from './20261122T1600-foundation.ts';
import * as admin from './20261122T1710-admin.ts';
import * as spaces from './20261122T1800-spaces.ts';
import * as searchWithoutEmail from './20261122T1900-search-without-email.ts';
import * as conversation from './20261122T2000-conversation.ts';
import * as feedIndexes from './20261122T2110-feed-indexes.ts';
import * as conversationIndexes from './20261122T2130-conversation-indexes.ts';
import * as live from './20261122T2200-live.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: Record<string, Migration> = {
  '20261122T1600-foundation': foundation,
  '20261122T1710-admin': admin,
  '20261122T1800-spaces': spaces,
  '20261122T1900-search-without-email': searchWithoutEmail,
  '20261122T2000-conversation': conversation,
  '20261122T2110-feed-indexes': feedIndexes,
  '20261122T2130-conversation-indexes': conversationIndexes,
  '20261122T2200-live': live,
};
