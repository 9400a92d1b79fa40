import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { nowIso } from '../../platform/db/time.ts';
import { afterByName, type Executor, type PeopleFilter, type PersonRow } from './people.repository.ts';

/** Inserts the follow unless it exists; true when a row was added. */
export async function insertFollow(
  trx: Transaction<DB>,
  followerId: string,
  followeeId: string,
): Promise<boolean> {
  const result = await trx
    .insertInto('follows')
    .values({ follower_id: followerId, followee_id: followeeId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Deletes the follow; true when there was one. */
export async function deleteFollow(
  trx: Transaction<DB>,
  followerId: string,
  followeeId: string,
): Promise<boolean> {
  const result = await trx
    .deleteFrom('follows')
    .where('follower_id', '=', followerId)
    .where('followee_id', '=', followeeId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function isFollowing(db: Executor, followerId: string, followeeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('follows')
    .select('follower_id')
    .where('follower_id', '=', followerId)
    .where('followee_id', '=', followeeId)
    .executeTakeFirst();
  return row !== undefined;
}

type Direction = 'followers' | 'following';

/** For "followers" the listed people follow `personId`; for "following" `personId` follows them. */
const sides = (direction: Direction) =>
  direction === 'followers'
    ? ({ anchor: 'follows.followee_id', listed: 'follows.follower_id' } as const)
    : ({ anchor: 'follows.follower_id', listed: 'follows.followee_id' } as const);

/** Active people on one side of a person's follows that the viewer may see (counts match the lists). */
export async function countFollows(
  db: Executor,
  visible: PeopleFilter,
  personId: string,
  direction: Direction,
): Promise<number> {
  const { anchor, listed } = sides(direction);
  const row = await db
    .selectFrom('follows')
    .innerJoin('people', 'people.id', listed)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(anchor, '=', personId)
    .where('people.status', '=', 'active')
    .where(visible)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page (limit+1 rows) of followers or followed people, by (name, id). */
export function listFollows(
  db: Executor,
  visible: PeopleFilter,
  personId: string,
  direction: Direction,
  page: { after?: { name: string; id: string } | undefined; limit: number },
): Promise<PersonRow[]> {
  const { anchor, listed } = sides(direction);
  let query = db
    .selectFrom('follows')
    .innerJoin('people', 'people.id', listed)
    .selectAll('people')
    .where(anchor, '=', personId)
    .where('people.status', '=', 'active')
    .where(visible);
  if (page.after !== undefined) query = query.where(afterByName(page.after));
  return query
    .orderBy('people.name')
    .orderBy('people.id')
    .limit(page.limit + 1)
    .execute();
}
