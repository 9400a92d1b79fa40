import type { SpaceRole } from '@atrium/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB, SpacesTable } from '../../platform/db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type SpaceRow = SpacesTable;

export function findSpaceById(db: Executor, id: string): Promise<SpaceRow | undefined> {
  return db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function memberCounts(db: Executor, spaceIds: string[]): Promise<Map<string, number>> {
  if (spaceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('space_members')
    .innerJoin('people', 'people.id', 'space_members.person_id')
    .select(['space_members.space_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('space_members.space_id', 'in', spaceIds)
    .where('people.status', '=', 'active')
    .groupBy('space_members.space_id')
    .execute();
  return new Map(rows.map((r) => [r.space_id, Number(r.n)]));
}

export async function membershipsOf(
  db: Executor,
  personId: string,
  spaceIds: string[],
): Promise<Map<string, SpaceRole>> {
  if (spaceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('space_members')
    .select(['space_id', 'role'])
    .where('person_id', '=', personId)
    .where('space_id', 'in', spaceIds)
    .execute();
  return new Map(rows.map((r) => [r.space_id, r.role]));
}

export async function pendingRequestsOf(db: Executor, personId: string, spaceIds: string[]) {
  if (spaceIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('space_join_requests')
    .select(['space_id', 'id'])
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .where('space_id', 'in', spaceIds)
    .execute();
  return new Map(rows.map((r) => [r.space_id, r.id]));
}
