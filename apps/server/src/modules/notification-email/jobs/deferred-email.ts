import type { AppContext } from '../../../platform/context.ts';
import type { JobHandler } from '../../../platform/jobs/job-runner.ts';
import { inQuietHours } from '../../notifications/quiet-hours.ts';
import { notificationSettingsFor } from '../../notifications/settings.ts';
import { attentionOf } from '../../presence/attention.ts';
import {
  candidatesFor,
  deferUntilQuietHoursEnd,
  holdForDoNotDisturb,
  sendImmediate,
} from '../email-sending.ts';
import { findRecipient } from '../notification-email.repository.ts';

/**
 * When quiet hours (or do-not-disturb) end: one email with every notification still unread, not yet
 * emailed and meant for immediate email. Settings may have changed meanwhile: still quiet → wait again;
 * do-not-disturb now → they wait for the digest, or for its end when no digest is due.
 */
export function deferredEmailJob(ctx: AppContext): JobHandler {
  return async (payload, job) => {
    const recipientId = payload.recipientId;
    if (typeof recipientId !== 'string') return;
    const recipient = await findRecipient(ctx.db, recipientId);
    const settings = await notificationSettingsFor(ctx.db, recipientId);
    if (!recipient?.active || !settings) return;
    if (inQuietHours({ start: settings.quietStart, end: settings.quietEnd }, recipient.timeZone, job.now)) {
      await deferUntilQuietHoursEnd(ctx.db, recipient, settings, job.now);
      return;
    }
    const attention = (await attentionOf(ctx.db, [recipient.id], job.now)).get(recipient.id);
    if (attention?.doNotDisturb) {
      await holdForDoNotDisturb(ctx.db, recipient, settings, job.now);
      return;
    }
    const due = await candidatesFor(ctx.db, recipient.id, ['email_immediate']);
    await sendImmediate(
      ctx,
      recipient,
      due.map((row) => row.id),
      job.now,
    );
  };
}
