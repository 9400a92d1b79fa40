import { NOTIFICATION_LIMITS } from '@atrium/contracts';
import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { aboutPost, livePost, notifyEligible } from '../notify-eligible.ts';

/**
 * A reaction to a post tells its author ('reaction'). Reactions to one post fold into one unread
 * notification for NOTIFICATION_LIMITS.reactionBatchMs ("Ana and 4 others reacted to your post").
 */
export function notifyOnReactionAdded(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.reaction-added',
    events: ['reaction.added'],
    async handle(event) {
      if (event.subjectType !== 'post' || event.actorId === null) return;
      const post = await livePost(ctx, event.subjectId);
      if (!post) return;
      const actorId = event.actorId;
      await notifyEligible(ctx, { type: 'reaction', actorId, post }, [post.author_id], (r) => ({
        recipientId: r.id,
        type: 'reaction',
        actorId,
        subjectType: 'post',
        subjectId: post.id,
        ...aboutPost(post),
        key: `reaction:${post.id}`,
        fold: true,
        sourceEventId: event.id,
        foldWithinMs: NOTIFICATION_LIMITS.reactionBatchMs,
        data: { reaction: typeof event.payload.kind === 'string' ? event.payload.kind : null },
      }));
    },
  };
}
