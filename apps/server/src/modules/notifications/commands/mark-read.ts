import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { shownNotificationsFilter } from '../notification-access.ts';
import { GROUPED_TYPES } from './notify.ts';

export const notificationNotFound = () => notFound('No such notification.');

/**
 * Marks one of my notifications read (404 for anyone else's, or one I may no longer be shown). Reading
 * closes a grouped one's group, so later reactions start a new notification; any other keeps its key, so
 * its source event delivered again is still recognised. Idempotent: only a change records
 * `notification.read`.
 */
export async function markNotificationRead(ctx: AppContext, actor: Viewer, id: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const row = await trx
      .selectFrom('notifications')
      .select(['id', 'type', 'read_at'])
      .where('id', '=', id)
      .where('recipient_id', '=', actor.id)
      .where(shownNotificationsFilter(trx, actor))
      .executeTakeFirst();
    if (!row) throw notificationNotFound();
    if (row.read_at !== null) return;
    const changed = await trx
      .updateTable('notifications')
      .set({ read_at: nowIso(), ...(isGrouped(row.type) ? { open_group: null } : {}) })
      .where('id', '=', row.id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return;
    await ctx.outbox.record(trx, {
      name: 'notification.read',
      actorId: actor.id,
      subjectType: 'notification',
      subjectId: row.id,
      payload: { recipientId: actor.id, notificationIds: [row.id] },
    });
  });
}

/** Marks every unread notification of mine read; records `notification.read` when any changed. */
export async function markAllNotificationsRead(ctx: AppContext, actor: Viewer): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const changed = await trx
      .updateTable('notifications')
      .set((eb) => ({
        read_at: nowIso(),
        open_group: eb
          .case()
          .when('type', 'in', [...GROUPED_TYPES])
          .then(null)
          .else(eb.ref('open_group'))
          .end(),
      }))
      .where('recipient_id', '=', actor.id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return;
    await ctx.outbox.record(trx, {
      name: 'notification.read',
      actorId: actor.id,
      subjectType: 'person',
      subjectId: actor.id,
      payload: { recipientId: actor.id, all: true },
    });
  });
}

const isGrouped = (type: string): boolean => (GROUPED_TYPES as readonly string[]).includes(type);
