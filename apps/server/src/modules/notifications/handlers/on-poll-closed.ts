import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { aboutPost, livePost, notifyEligible } from '../notify-eligible.ts';

/** A closed poll tells its author and everyone who voted in it ('poll_closed', caused by nobody). */
export function notifyOnPollClosed(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.poll-closed',
    events: ['poll.closed'],
    async handle(event) {
      const post = await livePost(ctx, event.subjectId);
      if (!post) return;
      const voters = await ctx.db
        .selectFrom('poll_votes')
        .select('person_id')
        .distinct()
        .where('post_id', '=', post.id)
        .execute();
      const about = { type: 'poll_closed', actorId: null, post } as const;
      const draft = (role: 'author' | 'voter') => (r: { id: string }) => ({
        recipientId: r.id,
        type: 'poll_closed' as const,
        actorId: null,
        subjectType: 'post',
        subjectId: post.id,
        ...aboutPost(post),
        key: `poll_closed:${post.id}`,
        fold: false,
        data: { role },
      });
      await notifyEligible(ctx, about, [post.author_id], draft('author'));
      const others = voters.map((row) => row.person_id).filter((id) => id !== post.author_id);
      await notifyEligible(ctx, about, others, draft('voter'));
    },
  };
}
