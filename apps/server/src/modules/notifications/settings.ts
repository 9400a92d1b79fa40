import type { DigestFrequency } from '@atrium/contracts';
import type { Executor } from '../../platform/db/executor.ts';

/** A person's notification settings, as the API and the emails read them. */
export interface NotificationSettings {
  digest: DigestFrequency;
  /** 0–23 in the person's time zone. */
  digestHour: number;
  /** ISO weekday, 1 (Monday) – 7, for weekly digests. */
  digestWeekday: number;
  quietStart: string | null;
  quietEnd: string | null;
  /** people.time_zone; null reads as UTC. */
  timeZone: string | null;
}

/** What a person who never changed anything gets. */
export const DEFAULT_NOTIFICATION_SETTINGS = {
  digest: 'daily',
  digestHour: 8,
  digestWeekday: 1,
  quietStart: null,
  quietEnd: null,
} as const satisfies Omit<NotificationSettings, 'timeZone'>;

/** Settings of each given person (defaults where none are stored); unknown ids are absent. */
export async function notificationSettingsOf(
  db: Executor,
  personIds: readonly string[],
): Promise<Map<string, NotificationSettings>> {
  const result = new Map<string, NotificationSettings>();
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('people')
    .leftJoin('notification_settings as s', 's.person_id', 'people.id')
    .select([
      'people.id as id',
      'people.time_zone as time_zone',
      's.digest as digest',
      's.digest_hour as digest_hour',
      's.digest_weekday as digest_weekday',
      's.quiet_start as quiet_start',
      's.quiet_end as quiet_end',
    ])
    .where('people.id', 'in', ids)
    .execute();
  for (const row of rows) {
    result.set(row.id, {
      digest: row.digest ?? DEFAULT_NOTIFICATION_SETTINGS.digest,
      digestHour: row.digest_hour ?? DEFAULT_NOTIFICATION_SETTINGS.digestHour,
      digestWeekday: row.digest_weekday ?? DEFAULT_NOTIFICATION_SETTINGS.digestWeekday,
      quietStart: row.quiet_start ?? null,
      quietEnd: row.quiet_end ?? null,
      timeZone: row.time_zone,
    });
  }
  return result;
}

export async function notificationSettingsFor(
  db: Executor,
  personId: string,
): Promise<NotificationSettings | undefined> {
  return (await notificationSettingsOf(db, [personId])).get(personId);
}
