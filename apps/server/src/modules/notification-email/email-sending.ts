import type { NotificationDelivery } from '@atrium/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { ensureJob, scheduleJob } from '../../platform/jobs/scheduled-jobs.ts';
import { readableNotifications } from '../notifications/notification-reads.ts';
import { deliveryFor } from '../notifications/preferences.ts';
import { quietHoursEnd } from '../notifications/quiet-hours.ts';
import type { NotificationSettings } from '../notifications/settings.ts';
import { attentionOf } from '../presence/attention.ts';
import { nextDigestAt } from './digest-schedule.ts';
import {
  digestEmail,
  type EmailItem,
  type EmailLinks,
  immediateEmail,
  type RenderedEmail,
} from './email-templates.ts';
import {
  claimForSending,
  doNotDisturbUntil,
  type EmailCandidate,
  type EmailRecipient,
  emailCandidates,
  releaseClaim,
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
 * Claims the rows, then sends one email built from those claimed (nothing when none is readable any
 * more). Claimed rows the recipient may no longer read stay stamped so nothing retries them; a failed
 * send gives every claim back and rethrows, so the caller's delivery or job retries it.
 */
async function claimAndSend(
  ctx: AppContext,
  recipient: EmailRecipient,
  column: 'emailed_at' | 'digested_at',
  ids: readonly string[],
  now: Date,
  render: (items: EmailItem[]) => RenderedEmail | null,
): Promise<void> {
  const claimed = await claimForSending(ctx.db, column, ids, now);
  if (claimed.length === 0) return;
  try {
    const email = render(await emailItems(ctx.db, recipient, claimed));
    if (email) await send(ctx, recipient, email);
  } catch (error) {
    await releaseClaim(ctx.db, column, claimed, now);
    throw error;
  }
}

/** One email for the given notifications (one, or all that waited for quiet hours or do-not-disturb). */
export async function sendImmediate(
  ctx: AppContext,
  recipient: EmailRecipient,
  ids: string[],
  now: Date,
): Promise<void> {
  await claimAndSend(ctx, recipient, 'emailed_at', ids, now, (items) =>
    immediateEmail(items, linksFor(ctx, recipient)),
  );
}

/** The digest of the given notifications; nothing is sent when none is readable any more. */
export async function sendDigest(
  ctx: AppContext,
  recipient: EmailRecipient,
  ids: string[],
  frequency: 'daily' | 'weekly',
  now: Date,
): Promise<void> {
  await claimAndSend(ctx, recipient, 'digested_at', ids, now, (items) =>
    digestEmail(items, frequency, linksFor(ctx, recipient)),
  );
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

/**
 * Under do-not-disturb, immediate emails wait for the next digest; with no digest due they wait for the
 * end of do-not-disturb instead (its `until`, or the status change that ends it), never for good.
 */
export async function holdForDoNotDisturb(
  db: Executor,
  recipient: EmailRecipient,
  settings: NotificationSettings,
  now: Date,
): Promise<void> {
  if (nextDigestAt(settings, recipient.timeZone, now) !== null) {
    await ensureDigestJob(db, recipient, settings, now);
    return;
  }
  const until = await doNotDisturbUntil(db, recipient.id);
  if (until === null || until.getTime() <= now.getTime()) return;
  await ensureJob(
    db,
    {
      kind: DEFERRED_JOB,
      key: deferredKey(recipient.id),
      runAt: until,
      payload: { recipientId: recipient.id },
    },
    now,
  );
}

/**
 * Makes sure immediate emails still waiting (held by do-not-disturb or quiet hours) have a job that
 * will send them, after a change of status or settings.
 */
export async function scheduleWaitingEmails(
  db: Executor,
  recipient: EmailRecipient,
  settings: NotificationSettings,
  now: Date,
): Promise<void> {
  const waiting = await candidatesFor(db, recipient.id, ['email_immediate']);
  if (waiting.length === 0) return;
  const attention = (await attentionOf(db, [recipient.id], now)).get(recipient.id);
  if (attention?.doNotDisturb) await holdForDoNotDisturb(db, recipient, settings, now);
  else await deferUntilQuietHoursEnd(db, recipient, settings, now);
}
