import type { Executor } from '../../platform/db/executor.ts';
import type { PersonStatusTable } from '../../platform/db/schema-live.ts';

export type StatusRow = PersonStatusTable;

export async function findStatus(db: Executor, personId: string): Promise<StatusRow | undefined> {
  return db.selectFrom('person_status').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/** The statuses of several people in one query; people who never set one are absent. */
export async function statusesOf(
  db: Executor,
  personIds: readonly string[],
): Promise<Map<string, StatusRow>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('person_status').selectAll().where('person_id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.person_id, row]));
}
