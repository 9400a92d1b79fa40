import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { livePost } from '../notify-eligible.ts';

/** The scheduled job that closes a poll at its deadline (one per poll, by key). */
export const POLL_CLOSED_JOB = 'poll.closed';
export const pollClosedKey = (postId: string) => `poll-closed:${postId}`;

/**
 * When a poll's deadline passes, records `poll.closed` (for notifications and live results). A poll
 * deleted meanwhile, or whose deadline is not reached at the runner's now, records nothing.
 */
export function registerPollClosedJob(ctx: AppContext): void {
  ctx.jobs.register(POLL_CLOSED_JOB, async (payload, job) => {
    const post = await livePost(ctx, payload.postId);
    if (!post) return;
    const poll = await ctx.db
      .selectFrom('polls')
      .select('closes_at')
      .where('post_id', '=', post.id)
      .executeTakeFirst();
    if (!poll?.closes_at || poll.closes_at > job.now.toISOString()) return;
    await inTransaction(ctx, (trx) =>
      ctx.outbox.record(trx, {
        name: 'poll.closed',
        actorId: null,
        subjectType: 'post',
        subjectId: post.id,
        ...(post.space_id === null ? {} : { spaceId: post.space_id }),
        payload: { postId: post.id, targetType: post.target_type, spaceId: post.space_id },
      }),
    );
  });
}
