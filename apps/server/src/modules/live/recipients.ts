import { plantedBug } from '../../platform/access/planted-bugs.ts';
import { readersAmong } from '../../platform/access/post-readers.ts';
import { presenceViewersAmong } from '../../platform/access/presence-viewers.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { LiveAccess } from '../../platform/realtime/bus.ts';

/**
 * Of the people whose sockets would get a message, those allowed to receive it now: one query for the
 * whole audience, whatever its size, at the moment of sending. Deactivated people receive nothing.
 */
export async function allowedRecipients(
  db: Executor,
  access: LiveAccess,
  personIds: readonly string[],
): Promise<Set<string>> {
  // Test-only fault injection (planted-bugs.ts): off unless ATRIUM_PLANTED_BUG names it.
  if (plantedBug('live-skips-access')) return new Set(personIds);
  if (personIds.length === 0) return new Set();
  switch (access.kind) {
    case 'post':
      return readersAmong(db, access.postId, personIds, {
        asBeforeDeletion: access.asBeforeDeletion === true,
        asBeforeHiding: access.asBeforeHiding === true,
      });
    case 'visible-person':
      return presenceViewersAmong(db, access.personId, personIds);
    case 'person':
      return activeOwner(db, access.personId, personIds);
  }
}

/** A personal message reaches its owner, while active, and nobody else. */
async function activeOwner(
  db: Executor,
  personId: string,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (!personIds.includes(personId)) return new Set();
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', personId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return new Set(row ? [row.id] : []);
}

/** A stable key per access rule, so a batch of messages asks once per distinct rule. */
export const accessKey = (access: LiveAccess): string =>
  access.kind === 'post'
    ? `post:${access.postId}:${access.asBeforeDeletion === true ? 'd' : ''}${access.asBeforeHiding === true ? 'h' : ''}`
    : `${access.kind}:${access.personId}`;
