import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { notificationLiveMessage } from '../live-messages.ts';

/** Pushes a new (or grouped) notification to its recipient's sockets, with the unread badge count. */
export function pushNotificationCreated(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.push-created',
    events: ['notification.created'],
    async handle(event) {
      const message = await notificationLiveMessage(ctx.db, event);
      if (message) ctx.bus.publish({ kind: 'live', message });
    },
  };
}
