import type { Viewer } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { type CommentRow, findComment } from '../comments.repository.ts';
import { commentNotFound, loadLiveComment } from '../load-comment.ts';
import type { PostContext } from '../post-context.ts';

/**
 * A moderator of the post hides a comment (its body is then withheld from everyone but its author and
 * the moderators) or shows it again. Idempotent: no change records nothing; a change writes one audit
 * row and one event.
 */
export async function setCommentHidden(
  ctx: AppContext,
  input: {
    actor: Viewer;
    commentId: string;
    hidden: boolean;
    reason?: string | undefined;
    ip: string | null;
  },
): Promise<{ comment: CommentRow; context: PostContext }> {
  const { actor, hidden } = input;
  const { comment, context } = await loadLiveComment(ctx.db, actor, input.commentId);
  if (!context.moderator) throw forbidden('Only moderators can hide or show comments.');
  const updated = await inTransaction(ctx, async (trx) => {
    const now = nowIso();
    const result = await trx
      .updateTable('comments')
      .set(hidden ? { hidden_at: now, hidden_by: actor.id } : { hidden_at: null, hidden_by: null })
      .where('id', '=', comment.id)
      .where('deleted_at', 'is', null)
      .where('hidden_at', hidden ? 'is' : 'is not', null)
      .executeTakeFirst();
    const row = await findComment(trx, comment.id);
    if (!row || row.deleted_at !== null) throw commentNotFound();
    if (Number(result.numUpdatedRows) === 0) return row;
    const reason = input.reason?.trim() || null;
    await audit(trx, {
      actorId: actor.id,
      action: hidden ? 'comment.hidden' : 'comment.unhidden',
      targetType: 'comment',
      targetId: comment.id,
      ip: input.ip,
      data: { postId: comment.post_id, authorId: comment.author_id, ...(reason ? { reason } : {}) },
    });
    await ctx.outbox.record(trx, {
      name: hidden ? 'comment.hidden' : 'comment.unhidden',
      actorId: actor.id,
      subjectType: 'comment',
      subjectId: comment.id,
      ...(context.post.space_id ? { spaceId: context.post.space_id } : {}),
      payload: { postId: comment.post_id },
    });
    return row;
  });
  return { comment: updated, context };
}
