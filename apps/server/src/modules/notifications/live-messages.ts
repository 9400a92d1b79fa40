import type { Viewer } from '../../platform/access/people.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { StoredEvent } from '../../platform/events/outbox.ts';
import type { LiveMessage } from '../../platform/realtime/bus.ts';
import { attentionOf } from '../presence/attention.ts';
import { shownNotificationsFilter } from './notification-access.ts';
import { unreadCount } from './notification-reads.ts';
import { inQuietHours } from './quiet-hours.ts';
import { notificationSettingsFor } from './settings.ts';

const personal = (personId: string) => ({
  channels: [`me:${personId}`],
  access: { kind: 'person', personId } as const,
});

async function activeViewer(db: Executor, personId: unknown): Promise<Viewer | undefined> {
  if (typeof personId !== 'string') return undefined;
  return db
    .selectFrom('people')
    .select(['id', 'kind', 'role'])
    .where('id', '=', personId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/**
 * The live message for a `notification.created` or `notification.read` event (also for replaying them
 * on resume), or null when there is nothing to push: the recipient is gone, or the notification is one
 * they may no longer be shown. It carries ids, counts and enums only; `toast` is false while the
 * recipient is on do-not-disturb or in their quiet hours at `now`.
 */
export async function notificationLiveMessage(
  db: Executor,
  event: StoredEvent,
  now: Date = new Date(),
): Promise<LiveMessage | null> {
  const viewer = await activeViewer(db, event.payload.recipientId);
  if (!viewer) return null;
  if (event.name === 'notification.created') {
    const notificationId = event.payload.notificationId;
    if (typeof notificationId !== 'string') return null;
    const shown = await db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', notificationId)
      .where('recipient_id', '=', viewer.id)
      .where(shownNotificationsFilter(db, viewer))
      .executeTakeFirst();
    if (!shown) return null;
    const [unread, attention, settings] = await Promise.all([
      unreadCount(db, viewer),
      attentionOf(db, [viewer.id], now),
      notificationSettingsFor(db, viewer.id),
    ]);
    const quiet =
      settings !== undefined &&
      inQuietHours({ start: settings.quietStart, end: settings.quietEnd }, settings.timeZone, now);
    const toast = !(attention.get(viewer.id)?.doNotDisturb ?? false) && !quiet;
    return {
      id: event.id,
      name: 'notification.created',
      ...personal(viewer.id),
      data: { notificationId, type: event.payload.type, unreadCount: unread, toast },
    };
  }
  if (event.name === 'notification.read') {
    const ids = event.payload.notificationIds;
    const which = Array.isArray(ids)
      ? { notificationIds: ids.filter((id) => typeof id === 'string') }
      : { all: true };
    return {
      id: event.id,
      name: 'notification.read',
      ...personal(viewer.id),
      data: { ...which, unreadCount: await unreadCount(db, viewer) },
    };
  }
  return null;
}
