import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';
import { DEFERRED_JOB, DIGEST_JOB } from './email-sending.ts';
import { emailNewNotification } from './handlers/email-new-notification.ts';
import { rescheduleEmails } from './handlers/reschedule-emails.ts';
import { sendAfterDoNotDisturb } from './handlers/send-after-do-not-disturb.ts';
import { deferredEmailJob } from './jobs/deferred-email.ts';
import { digestEmailJob } from './jobs/digest-email.ts';
import { registerUnsubscribeRoutes } from './unsubscribe.routes.ts';

/** Notification emails: immediate, after quiet hours and in digests, and the unsubscribe links. */
export function registerNotificationEmail(app: App, ctx: AppContext): void {
  registerUnsubscribeRoutes(app, ctx);
  ctx.outbox.register(emailNewNotification(ctx));
  ctx.outbox.register(rescheduleEmails(ctx));
  ctx.outbox.register(sendAfterDoNotDisturb(ctx));
  ctx.jobs.register(DEFERRED_JOB, deferredEmailJob(ctx));
  ctx.jobs.register(DIGEST_JOB, digestEmailJob(ctx));
}
