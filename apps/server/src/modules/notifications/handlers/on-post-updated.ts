import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { aboutPost, idsIn, livePost, notifyEligible } from '../notify-eligible.ts';

/** An edit notifies only the people it newly mentions ('mention'): nobody hears twice of one post. */
export function notifyOnPostUpdated(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.post-updated',
    events: ['post.updated'],
    async handle(event) {
      const post = await livePost(ctx, event.subjectId);
      if (!post) return;
      const actorId = post.author_id;
      await notifyEligible(ctx, { type: 'mention', actorId, post }, idsIn(event, 'mentionedIds'), (r) => ({
        recipientId: r.id,
        type: 'mention',
        actorId,
        subjectType: 'post',
        subjectId: post.id,
        ...aboutPost(post),
        key: `mention:post:${post.id}`,
        fold: false,
        data: {},
      }));
    },
  };
}
