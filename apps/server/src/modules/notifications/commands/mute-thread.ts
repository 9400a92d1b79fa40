import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { loadReadablePost } from '../../posts/load-post.ts';

/**
 * Mutes (or unmutes) the thread of a post I may read (404 otherwise, like a missing post): nothing about
 * it notifies me any more except mentions. Idempotent; private, so no event.
 */
export async function setThreadMuted(
  ctx: AppContext,
  actor: Viewer,
  postId: string,
  muted: boolean,
): Promise<void> {
  const { post } = await loadReadablePost(ctx.db, actor, postId);
  if (muted) {
    await ctx.db
      .insertInto('thread_mutes')
      .values({ person_id: actor.id, post_id: post.id, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['person_id', 'post_id']).doNothing())
      .execute();
  } else {
    await ctx.db
      .deleteFrom('thread_mutes')
      .where('person_id', '=', actor.id)
      .where('post_id', '=', post.id)
      .execute();
  }
}

/** Whether the person muted the thread of this post (the post detail tells them). */
export async function isThreadMuted(db: Executor, personId: string, postId: string): Promise<boolean> {
  const row = await db
    .selectFrom('thread_mutes')
    .select('post_id')
    .where('person_id', '=', personId)
    .where('post_id', '=', postId)
    .executeTakeFirst();
  return row !== undefined;
}
