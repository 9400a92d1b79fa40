import type { Viewer } from '../../../../platform/access/people.ts';
import type { AppContext } from '../../../../platform/context.ts';
import { badRequest, forbidden } from '../../../../platform/http/errors.ts';
import { inTransaction } from '../../../../platform/http/transaction.ts';
import { assertKind, assertParticipationOpen, loadReadablePost } from '../load-post.ts';

/**
 * Marks one comment of a question as its accepted answer, or clears it (`commentId` null). Only the
 * asker or a moderator of the post may; the comment must be a live, visible one of that post.
 */
export async function setAcceptedAnswer(
  ctx: AppContext,
  input: { actor: Viewer; postId: string; commentId: string | null },
): Promise<string | null> {
  return inTransaction(ctx, async (trx) => {
    const loaded = await loadReadablePost(trx, input.actor, input.postId);
    const { post } = loaded;
    assertKind(post, 'question');
    if (post.author_id !== input.actor.id && !loaded.moderator) {
      throw forbidden('Only the person who asked or a moderator can accept an answer.');
    }
    assertParticipationOpen(loaded);
    const { commentId } = input;
    if (commentId !== null) {
      const comment = await trx
        .selectFrom('comments')
        .select('id')
        .where('id', '=', commentId)
        .where('post_id', '=', post.id)
        .where('deleted_at', 'is', null)
        .where('hidden_at', 'is', null)
        .executeTakeFirst();
      if (!comment) {
        const detail = 'No such comment on this question.';
        throw badRequest(detail, [{ path: 'body/commentId', message: detail }]);
      }
    }
    if (post.accepted_comment_id === commentId) return commentId;
    await trx
      .updateTable('posts')
      .set({ accepted_comment_id: commentId })
      .where('id', '=', post.id)
      .execute();
    await ctx.outbox.record(trx, {
      name: 'question.answer_accepted',
      actorId: input.actor.id,
      subjectType: 'post',
      subjectId: post.id,
      ...(post.space_id ? { spaceId: post.space_id } : {}),
      payload: { commentId, previousCommentId: post.accepted_comment_id },
    });
    return commentId;
  });
}
