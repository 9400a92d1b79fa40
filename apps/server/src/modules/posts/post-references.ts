import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The rows that follow a post's body: its topics (with each topic's live post count and latest post) and
 * its mentions. Written in the post's transaction on create, edit and delete.
 */

export async function addTopics(
  trx: Transaction<DB>,
  postId: string,
  topics: readonly string[],
  now: string,
): Promise<void> {
  if (topics.length === 0) return;
  await trx
    .insertInto('post_topics')
    .values(topics.map((topic) => ({ topic, post_id: postId })))
    .execute();
  await trx
    .insertInto('topics')
    .values(topics.map((name) => ({ name, post_count: 1, created_at: now, last_post_at: now })))
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({
        post_count: eb('topics.post_count', '+', 1),
        last_post_at: eb.ref('excluded.last_post_at'),
      })),
    )
    .execute();
}

export async function removeTopics(
  trx: Transaction<DB>,
  postId: string,
  topics: readonly string[],
): Promise<void> {
  if (topics.length === 0) return;
  await trx.deleteFrom('post_topics').where('post_id', '=', postId).where('topic', 'in', topics).execute();
  await trx
    .updateTable('topics')
    .set((eb) => ({ post_count: eb('topics.post_count', '-', 1) }))
    .where('name', 'in', topics)
    .where('post_count', '>', 0)
    .execute();
}

export async function topicsOfPost(trx: Transaction<DB>, postId: string): Promise<string[]> {
  const rows = await trx.selectFrom('post_topics').select('topic').where('post_id', '=', postId).execute();
  return rows.map((row) => row.topic);
}

export async function addMentions(
  trx: Transaction<DB>,
  postId: string,
  personIds: readonly string[],
  now: string,
): Promise<void> {
  if (personIds.length === 0) return;
  await trx
    .insertInto('mentions')
    .values(
      personIds.map((personId) => ({
        subject_type: 'post' as const,
        subject_id: postId,
        post_id: postId,
        person_id: personId,
        created_at: now,
      })),
    )
    .execute();
}

export async function removeMentions(
  trx: Transaction<DB>,
  postId: string,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await trx
    .deleteFrom('mentions')
    .where('subject_type', '=', 'post')
    .where('subject_id', '=', postId)
    .where('person_id', 'in', personIds)
    .execute();
}

export async function mentionsOfPost(trx: Transaction<DB>, postId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('mentions')
    .select('person_id')
    .where('subject_type', '=', 'post')
    .where('subject_id', '=', postId)
    .execute();
  return rows.map((row) => row.person_id);
}

/** What is in `next` but not in `previous`, and the other way round. */
export function difference(previous: readonly string[], next: readonly string[]) {
  return {
    added: next.filter((item) => !previous.includes(item)),
    removed: previous.filter((item) => !next.includes(item)),
  };
}
