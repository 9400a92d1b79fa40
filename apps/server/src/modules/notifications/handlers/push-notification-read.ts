import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { notificationLiveMessage } from '../live-messages.ts';

/** Tells the reader's other tabs and devices what was read, with the new unread count. */
export function pushNotificationRead(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.push-read',
    events: ['notification.read'],
    async handle(event) {
      const message = await notificationLiveMessage(ctx.db, event);
      if (message) ctx.bus.publish({ kind: 'live', message });
    },
  };
}
