import type { NotificationDelivery } from '@atrium/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { ensureJob, scheduleJob } from '../../platform/jobs/scheduled-jobs.ts';
import { readableNotifications } from '../notifications/notification-reads.ts';
import { deliveryFor } from '../notifications/preferences.ts';
import { quietHoursEnd } from '../notifications/quiet-hours.ts';
import type { NotificationSettings } from '../notifications/settings.ts';
import { nextDigestAt } from './digest-schedule.ts';
import {
  digestEmail,
  type EmailItem,
  type EmailLinks,
  immediateEmail,
  type RenderedEmail,
} from './email-templates.ts';
import {
  type EmailCandidate,
  type EmailRecipient,
  emailCandidates,
  markSent,
} from './notification-email.repository.ts';
import { unsubscribeToken } from './unsubscribe-tokens.ts';

export const DIGEST_JOB = 'email.digest';
export const DEFERRED_JOB = 'email.deferred';
export const digestKey = (personId: string) => `digest:${personId}`;
export const deferredKey = (personId: string) => `email-deferred:${personId}`;

/** The person's candidates whose delivery (resolved now, per type and space) is one of `wanted`. */
export async function candidatesFor(
  db: Executor,
  personId: string,
  wanted: readonly NotificationDelivery[],
): Promise<EmailCandidate[]> {
  const candidates = await emailCandidates(db, personId);
  const deliveries = new Map<string, NotificationDelivery>();
  for (const row of candidates) {
    const key = `${row.type}:${row.space_id ?? ''}`;
    if (!deliveries.has(key)) deliveries.set(key, await deliveryFor(db, personId, row.type, row.space_id));
  }
  return candidates.filter((row) => {
    const delivery = deliveries.get(`${row.type}:${row.space_id ?? ''}`);
    return delivery !== undefined && wanted.includes(delivery);
  });
}

/**
 * What the recipient may read now among `ids`, as email items. Content comes from the access-checked
 * reads at send time, never from an event: a post the recipient lost access to drops out.
 */
async function emailItems(db: Executor, recipient: EmailRecipient, ids: string[]): Promise<EmailItem[]> {
  const shown = await readableNotifications(db, recipient, ids);
  return shown
    .filter((n) => n.readAt === null)
    .map((n) => ({
      type: n.type,
      text: n.text,
      url: n.url,
      excerpt: n.excerpt,
      spaceName: n.space?.name ?? null,
    }));
}

function linksFor(ctx: AppContext, recipient: EmailRecipient): EmailLinks {
  return {
    publicUrl: ctx.config.publicUrl.replace(/\/+$/, ''),
    tokenFor: (scope) => unsubscribeToken(ctx.config.sessionSecret, recipient.id, scope),
  };
}

async function send(ctx: AppContext, recipient: EmailRecipient, email: RenderedEmail): Promise<void> {
  await ctx.mailer.send({ to: recipient.email, ...email });
}

/**
 * One email for the given notifications (one, or all that waited for quiet hours to end); rows the
 * recipient may no longer read are left out, and are stamped too so nothing retries them. Stamped after
 * sending: a failed send is retried by the caller's delivery or job.
 */
export async function sendImmediate(
  ctx: AppContext,
  recipient: EmailRecipient,
  ids: string[],
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  const email = immediateEmail(await emailItems(ctx.db, recipient, ids), linksFor(ctx, recipient));
  if (email) await send(ctx, recipient, email);
  await markSent(ctx.db, 'emailed_at', ids, now);
}

/** The digest of the given notifications; nothing is sent when none is readable any more. */
export async function sendDigest(
  ctx: AppContext,
  recipient: EmailRecipient,
  ids: string[],
  frequency: 'daily' | 'weekly',
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  const email = digestEmail(await emailItems(ctx.db, recipient, ids), frequency, linksFor(ctx, recipient));
  if (email) await send(ctx, recipient, email);
  await markSent(ctx.db, 'digested_at', ids, now);
}

/** Makes sure a digest is due at the person's next digest time; an earlier pending one stays. */
export async function ensureDigestJob(
  db: Executor,
  recipient: EmailRecipient,
  settings: NotificationSettings,
  now: Date,
): Promise<void> {
  const runAt = nextDigestAt(settings, recipient.timeZone, now);
  if (!runAt) return;
  await ensureJob(
    db,
    { kind: DIGEST_JOB, key: digestKey(recipient.id), runAt, payload: { recipientId: recipient.id } },
    now,
  );
}

/** Holds immediate emails until the person's quiet hours end; one job per person gathers them all. */
export async function deferUntilQuietHoursEnd(
  db: Executor,
  recipient: EmailRecipient,
  settings: NotificationSettings,
  now: Date,
): Promise<void> {
  const runAt = quietHoursEnd(
    { start: settings.quietStart, end: settings.quietEnd },
    recipient.timeZone,
    now,
  );
  await scheduleJob(db, {
    kind: DEFERRED_JOB,
    key: deferredKey(recipient.id),
    runAt,
    payload: { recipientId: recipient.id },
  });
}
