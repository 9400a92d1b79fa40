import type { Transaction } from 'kysely';
import type { Viewer } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { replaceMentions, uncountComment, uncountReply } from '../comments.repository.ts';
import { commentNotFound, loadLiveComment } from '../load-comment.ts';

/**
 * Soft-deletes a comment: its author, or a moderator of the post (audited). The post's `comment_count`
 * counts live comments, so it drops by one. A deleted comment keeps its place while it has shown replies;
 * one without becomes invisible, which lowers its parent's `reply_count`, and so on up through deleted
 * ancestors that thereby lose their last shown reply.
 */
export async function deleteComment(
  ctx: AppContext,
  input: { actor: Viewer; commentId: string; ip: string | null },
): Promise<void> {
  const { actor } = input;
  const { comment, context } = await loadLiveComment(ctx.db, actor, input.commentId);
  const byAuthor = comment.author_id === actor.id;
  if (!byAuthor && !context.moderator)
    throw forbidden('Only the author or a moderator can delete a comment.');
  await inTransaction(ctx, async (trx) => {
    // The post's row first, as when commenting: comment writes on one post lock in the same order.
    await uncountComment(trx, comment.post_id);
    // Under the comment's row lock: a concurrent reply to it either committed before (and is counted in
    // reply_count below) or finds it deleted. Already deleted: the rollback undoes the count.
    const marked = await trx
      .updateTable('comments')
      .set({ deleted_at: nowIso() })
      .where('id', '=', comment.id)
      .where('deleted_at', 'is', null)
      .returning(['reply_count', 'parent_id'])
      .executeTakeFirst();
    if (!marked) throw commentNotFound();
    if (Number(marked.reply_count) === 0) await uncountUpwards(trx, marked.parent_id);
    await trx
      .updateTable('posts')
      .set({ accepted_comment_id: null })
      .where('id', '=', comment.post_id)
      .where('accepted_comment_id', '=', comment.id)
      .execute();
    await replaceMentions(trx, comment, [], nowIso());
    if (!byAuthor) {
      await audit(trx, {
        actorId: actor.id,
        action: 'comment.deleted',
        targetType: 'comment',
        targetId: comment.id,
        ip: input.ip,
        data: { postId: comment.post_id, authorId: comment.author_id },
      });
    }
    await ctx.outbox.record(trx, {
      name: 'comment.deleted',
      actorId: actor.id,
      subjectType: 'comment',
      subjectId: comment.id,
      ...(context.post.space_id ? { spaceId: context.post.space_id } : {}),
      payload: { postId: comment.post_id, parentId: comment.parent_id, byModerator: !byAuthor },
    });
  });
}

/** The comment just stopped being shown: its parent has one shown reply less, and so on upwards. */
async function uncountUpwards(trx: Transaction<DB>, parentId: string | null): Promise<void> {
  let next = parentId;
  while (next !== null) {
    const parent = await uncountReply(trx, next);
    if (!parent || parent.deleted_at === null || Number(parent.reply_count) > 0) return;
    next = parent.parent_id;
  }
}
