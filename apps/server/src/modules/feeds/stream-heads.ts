import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';

/**
 * Feed sources and their heads. Every post belongs to its own stream ('company', 'space:<id>',
 * 'person:<id>', 'record:<id>'), to its author's stream and to one stream per topic; a post about a
 * record made in a space also joins the record's stream. `stream_heads` keeps each source's newest post
 * id, so a feed merging many sources reads only those that can still reach the page (ADR 0008).
 */
export type StreamTarget =
  | { type: 'company' }
  | { type: 'space'; id: string }
  | { type: 'person'; id: string }
  | { type: 'record'; id: string };

export function streamOf(target: StreamTarget): string {
  return target.type === 'company' ? 'company' : `${target.type}:${target.id}`;
}

export const authorStream = (personId: string): string => `author:${personId}`;
export const topicStream = (topic: string): string => `topic:${topic}`;
export const recordStream = (recordId: string): string => `record:${recordId}`;

/** Every source a new post belongs to. */
export function sourcesOfPost(
  post: Pick<PostsTable, 'stream' | 'author_id' | 'record_id'>,
  topics: readonly string[],
): string[] {
  const sources = new Set([post.stream, authorStream(post.author_id), ...topics.map(topicStream)]);
  if (post.record_id !== null) sources.add(recordStream(post.record_id));
  return [...sources];
}

/** Moves every source's head to the new post, in the post's transaction. Ids only grow (UUIDv7). */
export async function advanceStreamHeads(trx: Transaction<DB>, postId: string, sources: readonly string[]) {
  if (sources.length === 0) return;
  await trx
    .insertInto('stream_heads')
    .values(sources.map((stream) => ({ stream, last_post_id: postId })))
    .onConflict((oc) =>
      oc
        .column('stream')
        .doUpdateSet({ last_post_id: postId })
        .where('stream_heads.last_post_id', '<', postId),
    )
    .execute();
}
