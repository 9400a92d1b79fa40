import type { DigestFrequency } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { badRequest } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { isValidTimeZone, minutesOfDay } from '../quiet-hours.ts';
import { type NotificationSettings, notificationSettingsFor } from '../settings.ts';

export interface SettingsInput {
  digest?: DigestFrequency | undefined;
  digestHour?: number | undefined;
  digestWeekday?: number | undefined;
  quietStart?: string | null | undefined;
  quietEnd?: string | null | undefined;
  timeZone?: string | null | undefined;
}

const FIELDS = ['digest', 'digestHour', 'digestWeekday', 'quietStart', 'quietEnd', 'timeZone'] as const;

/**
 * Changes my notification settings: what is sent replaces what was set, the rest stays. Quiet hours
 * are both set or both off; the time zone must be one Intl knows and is my profile's time zone too.
 * Records `person.notification_settings_changed` naming the fields sent (no values), so digests and
 * deferred emails can be rescheduled.
 */
export async function setNotificationSettings(
  ctx: AppContext,
  actor: Viewer,
  input: SettingsInput,
): Promise<NotificationSettings> {
  const current = await notificationSettingsFor(ctx.db, actor.id);
  if (!current) throw badRequest('Unknown person.');
  const next: NotificationSettings = { ...current };
  for (const field of FIELDS) {
    const value = input[field];
    if (value !== undefined) Object.assign(next, { [field]: value });
  }
  if (next.timeZone !== null) {
    next.timeZone = next.timeZone.trim();
    if (next.timeZone === '') next.timeZone = null;
    else if (!isValidTimeZone(next.timeZone))
      throw badRequest('Unknown time zone.', [
        { path: 'body/timeZone', message: 'is not an IANA time zone' },
      ]);
  }
  for (const field of ['quietStart', 'quietEnd'] as const) {
    const value = next[field];
    if (value !== null && minutesOfDay(value) === null)
      throw badRequest('Quiet hours are times of day.', [{ path: `body/${field}`, message: 'is not HH:MM' }]);
  }
  if ((next.quietStart === null) !== (next.quietEnd === null)) {
    throw badRequest('Quiet hours need both a start and an end, or neither.', [
      { path: next.quietStart === null ? 'body/quietStart' : 'body/quietEnd', message: 'is missing' },
    ]);
  }
  await inTransaction(ctx, async (trx) => {
    const now = nowIso();
    const row = {
      digest: next.digest,
      digest_hour: next.digestHour,
      digest_weekday: next.digestWeekday,
      quiet_start: next.quietStart,
      quiet_end: next.quietEnd,
      updated_at: now,
    };
    await trx
      .insertInto('notification_settings')
      .values({ person_id: actor.id, ...row })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
      .execute();
    if (next.timeZone !== current.timeZone) {
      await trx
        .updateTable('people')
        .set({ time_zone: next.timeZone, updated_at: now })
        .where('id', '=', actor.id)
        .execute();
    }
    await ctx.outbox.record(trx, {
      name: 'person.notification_settings_changed',
      actorId: actor.id,
      subjectType: 'person',
      subjectId: actor.id,
      payload: { changed: FIELDS.filter((field) => input[field] !== undefined) },
    });
  });
  return next;
}
