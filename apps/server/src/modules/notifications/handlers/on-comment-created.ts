import type { NotificationType } from '@atrium/contracts';
import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { findComment } from '../../comments/comments.repository.ts';
import { aboutPost, idsIn, livePost, notifyEligible } from '../notify-eligible.ts';

/**
 * A new comment notifies, each person once and for the strongest reason: the people it mentions
 * ('mention'); the post's author ('answer' for a top-level comment on their question, else 'reply');
 * the author of the comment it answers ('reply'). Replies on one post fold into one unread notification.
 */
export function notifyOnCommentCreated(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.comment-created',
    events: ['comment.created'],
    async handle(event) {
      if (event.subjectId === null) return;
      const comment = await findComment(ctx.db, event.subjectId);
      if (!comment || comment.deleted_at !== null || comment.hidden_at !== null) return;
      const post = await livePost(ctx, comment.post_id);
      if (!post) return;
      const parent = comment.parent_id === null ? undefined : await findComment(ctx.db, comment.parent_id);
      const reasons = new Map<string, NotificationType>();
      for (const id of idsIn(event, 'mentionedIds')) reasons.set(id, 'mention');
      if (!reasons.has(post.author_id))
        reasons.set(post.author_id, post.kind === 'question' && parent === undefined ? 'answer' : 'reply');
      if (parent && parent.deleted_at === null && !reasons.has(parent.author_id))
        reasons.set(parent.author_id, 'reply');
      const actorId = comment.author_id;
      for (const type of ['mention', 'answer', 'reply'] as const) {
        const candidates = [...reasons].filter(([, reason]) => reason === type).map(([id]) => id);
        if (candidates.length === 0) continue;
        await notifyEligible(ctx, { type, actorId, post }, candidates, (r) => ({
          recipientId: r.id,
          type,
          actorId,
          subjectType: 'comment',
          subjectId: comment.id,
          ...aboutPost(post),
          ...(type === 'reply'
            ? { key: `reply:${post.id}`, fold: true, sourceEventId: event.id }
            : { key: `${type}:comment:${comment.id}`, fold: false }),
          data: {
            commentId: comment.id,
            ...(type === 'reply' ? { onComment: parent !== undefined && r.id === parent.author_id } : {}),
          },
        }));
      }
    },
  };
}
