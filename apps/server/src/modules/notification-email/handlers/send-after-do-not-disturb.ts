import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { notificationSettingsFor } from '../../notifications/settings.ts';
import { scheduleWaitingEmails } from '../email-sending.ts';
import { findRecipient } from '../notification-email.repository.ts';

/**
 * A person's status changed: immediate emails held by do-not-disturb go out once it ends (after quiet
 * hours, if those are on), or wait for its new end when it goes on.
 */
export function sendAfterDoNotDisturb(ctx: AppContext): EventHandler {
  return {
    name: 'notification-email.send_after_do_not_disturb',
    events: ['person.status_changed'],
    async handle(event) {
      const personId = event.subjectId ?? event.actorId;
      if (!personId) return;
      const now = new Date();
      const recipient = await findRecipient(ctx.db, personId);
      const settings = await notificationSettingsFor(ctx.db, personId);
      if (!recipient?.active || !settings) return;
      await scheduleWaitingEmails(ctx.db, recipient, settings, now);
    },
  };
}
