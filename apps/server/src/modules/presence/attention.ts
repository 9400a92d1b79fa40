import type { Executor } from '../../platform/db/executor.ts';
import { parseWorkingHours, type WorkingHours } from './working-hours.ts';

/** What decides whether and when a person wants to be interrupted. */
export interface Attention {
  doNotDisturb: boolean;
  outOfOffice: boolean;
  timeZone: string | null;
  workingHours: WorkingHours | null;
}

/**
 * Attention of each given person (one query). A status whose `until` has passed counts as available;
 * working hours stay until cleared. Unknown ids are absent from the map.
 */
export async function attentionOf(
  db: Executor,
  personIds: readonly string[],
  now: Date,
): Promise<Map<string, Attention>> {
  const result = new Map<string, Attention>();
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('people')
    .leftJoin('person_status', 'person_status.person_id', 'people.id')
    .select([
      'people.id as id',
      'people.time_zone as time_zone',
      'person_status.availability as availability',
      'person_status.until as until',
      'person_status.working_hours as working_hours',
    ])
    .where('people.id', 'in', ids)
    .execute();
  const nowIso = now.toISOString();
  for (const row of rows) {
    const lapsed = row.until !== null && row.until <= nowIso;
    const availability = lapsed ? 'available' : (row.availability ?? 'available');
    result.set(row.id, {
      doNotDisturb: availability === 'do_not_disturb',
      outOfOffice: availability === 'out_of_office',
      timeZone: row.time_zone,
      workingHours: parseWorkingHours(row.working_hours),
    });
  }
  return result;
}
