import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler, StoredEvent } from '../../../platform/events/outbox.ts';
import { cancelJob, findPendingJob, scheduleJob } from '../../../platform/jobs/scheduled-jobs.ts';
import { notificationSettingsFor } from '../../notifications/settings.ts';
import { nextDigestAt } from '../digest-schedule.ts';
import {
  DIGEST_JOB,
  deferredKey,
  deferUntilQuietHoursEnd,
  digestKey,
  scheduleWaitingEmails,
} from '../email-sending.ts';
import { findRecipient } from '../notification-email.repository.ts';

/** A profile edit matters here only when it changed the time zone (`fields` names what the patch set). */
function changedTimeZone(event: StoredEvent): boolean {
  const fields = event.payload.fields;
  return Array.isArray(fields) && fields.includes('timeZone');
}

/**
 * A person changed their digest, quiet hours or time zone (in their settings or their profile): a
 * waiting digest moves to the new digest time (or goes, when digests are off) and a waiting quiet-hours
 * email to the new end of quiet hours. Immediate emails held for a digest that is no longer due get a
 * job of their own.
 */
export function rescheduleEmails(ctx: AppContext): EventHandler {
  return {
    name: 'notification-email.reschedule_emails',
    events: ['person.notification_settings_changed', 'person.updated'],
    async handle(event) {
      if (event.name === 'person.updated' && !changedTimeZone(event)) return;
      const personId = event.subjectId ?? event.actorId;
      if (!personId) return;
      const now = new Date();
      const recipient = await findRecipient(ctx.db, personId);
      const settings = await notificationSettingsFor(ctx.db, personId);
      if (!recipient || !settings) return;
      if (await findPendingJob(ctx.db, digestKey(personId))) {
        const runAt = nextDigestAt(settings, recipient.timeZone, now);
        if (runAt === null) {
          await cancelJob(ctx.db, digestKey(personId));
          if (recipient.active) await scheduleWaitingEmails(ctx.db, recipient, settings, now);
        } else
          await scheduleJob(ctx.db, {
            kind: DIGEST_JOB,
            key: digestKey(personId),
            runAt,
            payload: { recipientId: personId },
          });
      }
      if (await findPendingJob(ctx.db, deferredKey(personId))) {
        await deferUntilQuietHoursEnd(ctx.db, recipient, settings, now);
      }
    },
  };
}
