import type { AppContext } from '../../../platform/context.ts';
import type { JobHandler } from '../../../platform/jobs/job-runner.ts';
import { notificationSettingsFor } from '../../notifications/settings.ts';
import { candidatesFor, sendDigest } from '../email-sending.ts';
import { findRecipient } from '../notification-email.repository.ts';

/**
 * The daily or weekly digest: every unread notification not emailed nor digested yet that is meant for
 * the digest, or meant for immediate email but held back (do-not-disturb, quiet hours). The next digest
 * is scheduled by the next notification that needs one.
 */
export function digestEmailJob(ctx: AppContext): JobHandler {
  return async (payload, job) => {
    const recipientId = payload.recipientId;
    if (typeof recipientId !== 'string') return;
    const recipient = await findRecipient(ctx.db, recipientId);
    const settings = await notificationSettingsFor(ctx.db, recipientId);
    if (!recipient?.active || !settings || settings.digest === 'off') return;
    const due = await candidatesFor(ctx.db, recipient.id, ['email_digest', 'email_immediate']);
    await sendDigest(
      ctx,
      recipient,
      due.map((row) => row.id),
      settings.digest,
      job.now,
    );
  };
}
