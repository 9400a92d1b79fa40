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

/**
 * Claims rows for sending by stamping them emailed (or digested), one by one, and returns those this
 * caller stamped: a row another sender claimed first is left to it, so no notification goes out twice.
 */
export async function claimForSending(
  db: Executor,
  column: 'emailed_at' | 'digested_at',
  ids: readonly string[],
  at: Date,
): Promise<string[]> {
  const claimed: string[] = [];
  for (const id of new Set(ids)) {
    const result = await db
      .updateTable('notifications')
      .set({ [column]: at.toISOString() })
      .where('id', '=', id)
      .where('emailed_at', 'is', null)
      .where('digested_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) claimed.push(id);
  }
  return claimed;
}

/** Gives claimed rows back (a send failed), so the retry of the job or delivery sends them. */
export async function releaseClaim(
  db: Executor,
  column: 'emailed_at' | 'digested_at',
  ids: readonly string[],
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ [column]: null })
    .where('id', 'in', [...ids])
    .where(column, '=', at.toISOString())
    .execute();
}

/** When the person's status ends, if it has an end (null for none, or no status at all). */
export async function doNotDisturbUntil(db: Executor, personId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('person_status')
    .select('until')
    .where('person_id', '=', personId)
    .where('availability', '=', 'do_not_disturb')
    .executeTakeFirst();
  return row?.until ? new Date(row.until) : null;
}
