import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { deliveryFor } from '../../notifications/preferences.ts';
import { inQuietHours } from '../../notifications/quiet-hours.ts';
import { notificationSettingsFor } from '../../notifications/settings.ts';
import { attentionOf } from '../../presence/attention.ts';
import {
  deferUntilQuietHoursEnd,
  ensureDigestJob,
  holdForDoNotDisturb,
  sendImmediate,
} from '../email-sending.ts';
import { findNotificationState, findRecipient } from '../notification-email.repository.ts';

/**
 * Emails a new (or newly grouped) notification as its recipient's preference says: at once, after their
 * quiet hours, or in their next digest. Do-not-disturb holds immediate emails back for the digest (or, with none due, until it ends). A
 * group whose row was already emailed sends nothing more.
 */
export function emailNewNotification(ctx: AppContext): EventHandler {
  return {
    name: 'notification-email.email_new_notification',
    events: ['notification.created'],
    async handle(event) {
      const { recipientId, notificationId } = event.payload as {
        recipientId?: unknown;
        notificationId?: unknown;
      };
      if (typeof recipientId !== 'string' || typeof notificationId !== 'string') return;
      const now = new Date();
      const [recipient, row] = await Promise.all([
        findRecipient(ctx.db, recipientId),
        findNotificationState(ctx.db, notificationId),
      ]);
      if (!recipient?.active || !row || row.recipient_id !== recipient.id || row.read_at !== null) return;
      if (row.emailed_at !== null || row.digested_at !== null) return;
      const delivery = await deliveryFor(ctx.db, recipient.id, row.type, row.space_id);
      if (delivery !== 'email_immediate' && delivery !== 'email_digest') return;
      const settings = await notificationSettingsFor(ctx.db, recipient.id);
      if (!settings) return;
      if (delivery === 'email_digest') {
        await ensureDigestJob(ctx.db, recipient, settings, now);
        return;
      }
      const attention = (await attentionOf(ctx.db, [recipient.id], now)).get(recipient.id);
      if (attention?.doNotDisturb) {
        await holdForDoNotDisturb(ctx.db, recipient, settings, now);
        return;
      }
      if (inQuietHours({ start: settings.quietStart, end: settings.quietEnd }, recipient.timeZone, now)) {
        await deferUntilQuietHoursEnd(ctx.db, recipient, settings, now);
        return;
      }
      await sendImmediate(ctx, recipient, [row.id], now);
    },
  };
}
