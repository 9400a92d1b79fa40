import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { conflict, forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { assertNotBlank, renderComment } from '../comment-body.ts';
import { assertConversationOpen } from '../comments.policy.ts';
import { type CommentRow, mentionedIdsOf, replaceMentions } from '../comments.repository.ts';
import { loadLiveComment } from '../load-comment.ts';
import type { PostContext } from '../post-context.ts';

/**
 * The author edits their comment: the previous body goes into `revisions`, the new one is re-rendered
 * and its mentions replaced. An unchanged body changes nothing. A hidden comment cannot be edited (the
 * moderator's decision was about what it says).
 */
export async function editComment(
  ctx: AppContext,
  input: { actor: Viewer; commentId: string; body: string },
): Promise<{ comment: CommentRow; context: PostContext }> {
  const { actor } = input;
  assertNotBlank(input.body);
  const { comment, context } = await loadLiveComment(ctx.db, actor, input.commentId);
  if (comment.author_id !== actor.id) throw forbidden('Only the author can edit a comment.');
  if (comment.hidden_at !== null) throw forbidden('A hidden comment cannot be edited.');
  assertConversationOpen(context);
  if (input.body === comment.body) return { comment, context };
  const rendered = await renderComment(ctx.db, actor, context, input.body);
  const now = nowIso();
  const before = new Set(await mentionedIdsOf(ctx.db, comment.id));
  await inTransaction(ctx, async (trx) => {
    // Conditional on the body read above, so the revision always holds what was replaced.
    const result = await trx
      .updateTable('comments')
      .set({ body: input.body, body_html: rendered.html, edited_at: now })
      .where('id', '=', comment.id)
      .where('deleted_at', 'is', null)
      .where('hidden_at', 'is', null)
      .where('body', '=', comment.body)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw conflict('The comment changed meanwhile: reload it and try again.');
    }
    await trx
      .insertInto('revisions')
      .values({
        id: newId(),
        subject_type: 'comment',
        subject_id: comment.id,
        body: comment.body,
        editor_id: actor.id,
        created_at: now,
      })
      .execute();
    await replaceMentions(trx, comment, rendered.mentionedIds, now);
    await ctx.outbox.record(trx, {
      name: 'comment.updated',
      actorId: actor.id,
      subjectType: 'comment',
      subjectId: comment.id,
      ...(context.post.space_id ? { spaceId: context.post.space_id } : {}),
      payload: {
        postId: comment.post_id,
        mentionedIds: rendered.mentionedIds,
        // Only people newly mentioned by the edit are worth a notification.
        addedMentionIds: rendered.mentionedIds.filter((id) => !before.has(id)),
      },
    });
  });
  return {
    comment: { ...comment, body: input.body, body_html: rendered.html, edited_at: now },
    context,
  };
}
