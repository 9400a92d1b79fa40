import type { NotificationType, PersonKind, SiteRole } from '@atrium/contracts';
import type { Executor } from '../../platform/db/executor.ts';

export interface EmailRecipient {
  id: string;
  email: string;
  kind: PersonKind;
  role: SiteRole;
  active: boolean;
  timeZone: string | null;
}

/** A notification that may still be emailed: unread, neither emailed nor digested. */
export interface EmailCandidate {
  id: string;
  type: NotificationType;
  space_id: string | null;
  updated_at: string;
}

export async function findRecipient(db: Executor, personId: string): Promise<EmailRecipient | undefined> {
  const row = await db
    .selectFrom('people')
    .select(['id', 'email', 'kind', 'role', 'status', 'deactivated_at', 'time_zone'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    kind: row.kind,
    role: row.role,
    active: row.status === 'active' && row.deactivated_at === null,
    timeZone: row.time_zone,
  };
}

export async function findNotificationState(db: Executor, notificationId: string) {
  return db
    .selectFrom('notifications')
    .select(['id', 'recipient_id', 'type', 'space_id', 'read_at', 'emailed_at', 'digested_at', 'updated_at'])
    .where('id', '=', notificationId)
    .executeTakeFirst();
}

/** Unread notifications of the person not yet emailed in any form, newest first. */
export async function emailCandidates(db: Executor, personId: string): Promise<EmailCandidate[]> {
  return db
    .selectFrom('notifications')
    .select(['id', 'type', 'space_id', 'updated_at'])
    .where('recipient_id', '=', personId)
    .where('read_at', 'is', null)
    .where('emailed_at', 'is', null)
    .where('digested_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Stamps rows as emailed (or digested); only rows still untouched keep the first stamp. */
export async function markSent(
  db: Executor,
  column: 'emailed_at' | 'digested_at',
  ids: readonly string[],
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ [column]: at.toISOString() })
    .where('id', 'in', [...ids])
    .where('emailed_at', 'is', null)
    .where('digested_at', 'is', null)
    .execute();
}
