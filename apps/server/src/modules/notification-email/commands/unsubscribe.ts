import { NOTIFICATION_TYPES } from '@atrium/contracts';
import type { Transaction } from 'kysely';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { notFound, tokenInvalid } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { cancelJob } from '../../../platform/jobs/scheduled-jobs.ts';
import { DEFAULT_SCOPE } from '../../notifications/preferences.ts';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../notifications/settings.ts';
import { deferredKey, digestKey } from '../email-sending.ts';
import { readUnsubscribeToken, type UnsubscribeScope } from '../unsubscribe-tokens.ts';

const EMAIL_DELIVERIES = ['email_immediate', 'email_digest'] as const;

export const invalidUnsubscribeLink = () =>
  tokenInvalid('This unsubscribe link is not valid. Change your email settings in Atrium instead.');

/** The scope of a genuine link (not checking that its person still exists), or null. */
export function scopeOfToken(ctx: AppContext, token: string): UnsubscribeScope | null {
  return readUnsubscribeToken(ctx.config.sessionSecret, token)?.scope ?? null;
}

/**
 * Follows an unsubscribe link, no session needed: the signed token names the person and what to turn
 * off. A type's emails (it stays in the notification center, by default and in every space where it
 * was emailed), the digest, or every email. Doing it
 * twice changes nothing more. Audited, and recorded so waiting emails are rescheduled or dropped.
 */
export async function unsubscribe(
  ctx: AppContext,
  input: { token: string; ip: string | null },
): Promise<UnsubscribeScope> {
  const link = readUnsubscribeToken(ctx.config.sessionSecret, input.token);
  if (!link) throw invalidUnsubscribeLink();
  const { personId, scope } = link;
  await inTransaction(ctx, async (trx) => {
    const person = await trx.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
    if (!person) throw notFound('This unsubscribe link names no one any more.');
    const now = nowIso();
    if (scope !== 'digest') {
      const types = scope === 'all' ? [...NOTIFICATION_TYPES] : [scope];
      await turnOffTypes(trx, personId, types, now);
    }
    if (scope === 'digest' || scope === 'all') {
      await turnOffDigest(trx, personId, now);
      await cancelJob(trx, digestKey(personId));
    }
    if (scope === 'all') await cancelJob(trx, deferredKey(personId));
    await audit(trx, {
      actorId: personId,
      action: 'notification.unsubscribed',
      targetType: 'person',
      targetId: personId,
      ip: input.ip,
      data: { scope },
    });
    await ctx.outbox.record(trx, {
      name: 'person.notification_settings_changed',
      actorId: personId,
      subjectType: 'person',
      subjectId: personId,
      payload: {
        changed:
          scope === 'digest' ? ['digest'] : scope === 'all' ? ['preferences', 'digest'] : ['preferences'],
        unsubscribed: scope,
      },
    });
  });
  return scope;
}

async function turnOffTypes(
  trx: Transaction<DB>,
  personId: string,
  types: (typeof NOTIFICATION_TYPES)[number][],
  now: string,
): Promise<void> {
  await trx
    .insertInto('notification_preferences')
    .values(
      types.map((type) => ({
        person_id: personId,
        type,
        space_id: DEFAULT_SCOPE,
        delivery: 'in_app' as const,
        updated_at: now,
      })),
    )
    // Unsubscribing stops the emails only: what was in-app or off stays as it was.
    .onConflict((oc) =>
      oc
        .columns(['person_id', 'type', 'space_id'])
        .doUpdateSet({ delivery: 'in_app', updated_at: now })
        .where('notification_preferences.delivery', 'in', EMAIL_DELIVERIES),
    )
    .execute();
  // A space override that emails would outlive the default: it stops emailing too.
  await trx
    .updateTable('notification_preferences')
    .set({ delivery: 'in_app', updated_at: now })
    .where('person_id', '=', personId)
    .where('type', 'in', types)
    .where('space_id', '<>', DEFAULT_SCOPE)
    .where('delivery', 'in', EMAIL_DELIVERIES)
    .execute();
}

async function turnOffDigest(trx: Transaction<DB>, personId: string, now: string): Promise<void> {
  const defaults = DEFAULT_NOTIFICATION_SETTINGS;
  await trx
    .insertInto('notification_settings')
    .values({
      person_id: personId,
      digest: 'off',
      digest_hour: defaults.digestHour,
      digest_weekday: defaults.digestWeekday,
      quiet_start: defaults.quietStart,
      quiet_end: defaults.quietEnd,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ digest: 'off', updated_at: now }))
    .execute();
}
