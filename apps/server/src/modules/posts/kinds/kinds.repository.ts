import type { Expression, Kysely, SqlBool, Transaction } from 'kysely';
import type { Dialect } from '../../../platform/db/connect.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { PollsTable } from '../../../platform/db/schema-conversation.ts';
import { nowIso } from '../../../platform/db/time.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The poll row, locked until commit on PostgreSQL (SQLite runs one writer at a time), so one person's
 * two concurrent votes cannot both see "no previous vote" and count the voter twice.
 */
export async function lockPoll(
  trx: Transaction<DB>,
  dialect: Dialect,
  postId: string,
): Promise<PollsTable | undefined> {
  let query = trx.selectFrom('polls').selectAll().where('post_id', '=', postId);
  if (dialect === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function optionIdsOf(db: Executor, postId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('poll_options').select('id').where('post_id', '=', postId).execute();
  return new Set(rows.map((row) => row.id));
}

export async function votesOf(db: Executor, postId: string, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('poll_votes')
    .select('option_id')
    .where('post_id', '=', postId)
    .where('person_id', '=', personId)
    .execute();
  return rows.map((row) => row.option_id);
}

/**
 * Replaces one person's ballot (an empty `next` retracts it) and keeps the option and voter counts in
 * step, in the caller's transaction. Returns false when nothing changed.
 */
export async function replaceVotes(
  trx: Transaction<DB>,
  ballot: { postId: string; personId: string; previous: readonly string[]; next: readonly string[] },
): Promise<boolean> {
  const { postId, personId, previous, next } = ballot;
  const removed = previous.filter((id) => !next.includes(id));
  const added = next.filter((id) => !previous.includes(id));
  if (removed.length === 0 && added.length === 0) return false;
  if (removed.length > 0) {
    await trx
      .deleteFrom('poll_votes')
      .where('post_id', '=', postId)
      .where('person_id', '=', personId)
      .where('option_id', 'in', removed)
      .execute();
    await trx
      .updateTable('poll_options')
      .set((eb) => ({ vote_count: eb('vote_count', '-', 1) }))
      .where('id', 'in', removed)
      .execute();
  }
  if (added.length > 0) {
    const at = nowIso();
    await trx
      .insertInto('poll_votes')
      .values(
        added.map((optionId) => ({
          post_id: postId,
          person_id: personId,
          option_id: optionId,
          created_at: at,
        })),
      )
      .execute();
    await trx
      .updateTable('poll_options')
      .set((eb) => ({ vote_count: eb('vote_count', '+', 1) }))
      .where('id', 'in', added)
      .execute();
  }
  const voterDelta = previous.length === 0 ? 1 : next.length === 0 ? -1 : 0;
  if (voterDelta !== 0) {
    await trx
      .updateTable('polls')
      .set((eb) => ({ voter_count: eb('voter_count', '+', voterDelta) }))
      .where('post_id', '=', postId)
      .execute();
  }
  return true;
}

/** Records an acknowledgement once; false when the person had already acknowledged. */
export async function insertAcknowledgement(trx: Transaction<DB>, postId: string, personId: string) {
  const result = await trx
    .insertInto('announcement_acks')
    .values({ post_id: postId, person_id: personId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['post_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface AckPosition {
  at: string;
  personId: string;
}

/** Who acknowledged, in the order they did, among the people `visible` keeps; limit + 1 rows. */
export function listAcknowledgements(
  db: Executor,
  postId: string,
  visible: Expression<SqlBool>,
  page: { after: AckPosition | undefined; limit: number },
) {
  let query = db
    .selectFrom('announcement_acks')
    .innerJoin('people', 'people.id', 'announcement_acks.person_id')
    .selectAll('people')
    .select('announcement_acks.created_at as acknowledged_at')
    .where('announcement_acks.post_id', '=', postId)
    .where(visible);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('announcement_acks.created_at', '>', after.at),
        eb.and([
          eb('announcement_acks.created_at', '=', after.at),
          eb('announcement_acks.person_id', '>', after.personId),
        ]),
      ]),
    );
  }
  return query
    .orderBy('announcement_acks.created_at')
    .orderBy('announcement_acks.person_id')
    .limit(page.limit + 1)
    .execute();
}
