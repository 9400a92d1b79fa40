import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { findComment } from '../../comments/comments.repository.ts';
import { aboutPost, livePost, notifyEligible } from '../notify-eligible.ts';

/** An accepted answer tells the author of the comment accepted ('answer_accepted'). */
export function notifyOnAnswerAccepted(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.answer-accepted',
    events: ['question.answer_accepted'],
    async handle(event) {
      const commentId = event.payload.commentId;
      if (typeof commentId !== 'string' || event.actorId === null) return;
      const post = await livePost(ctx, event.subjectId);
      const comment = await findComment(ctx.db, commentId);
      if (!post || !comment || comment.post_id !== post.id || comment.deleted_at !== null) return;
      const actorId = event.actorId;
      await notifyEligible(ctx, { type: 'answer_accepted', actorId, post }, [comment.author_id], (r) => ({
        recipientId: r.id,
        type: 'answer_accepted',
        actorId,
        subjectType: 'comment',
        subjectId: comment.id,
        ...aboutPost(post),
        key: `answer_accepted:${comment.id}`,
        fold: false,
        data: { commentId: comment.id },
      }));
    },
  };
}
