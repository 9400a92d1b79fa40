import { LIMITS } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { badRequest } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { assertNotBlank, renderComment } from '../comment-body.ts';
import { assertConversationOpen, isLive } from '../comments.policy.ts';
import {
  type CommentRow,
  countNewComment,
  countNewReply,
  findComment,
  replaceMentions,
} from '../comments.repository.ts';
import { loadReadablePost, type PostContext, postNotFound } from '../post-context.ts';

const parentRefused = () =>
  badRequest('The parent must be a live comment of this post.', [
    { path: 'body/parentId', message: 'is not a comment of this post that can be answered' },
  ]);

const tooDeep = () =>
  badRequest(`Replies nest at most ${LIMITS.commentDepth} levels deep: answer higher up the thread.`, [
    { path: 'body/parentId', message: 'is nested too deeply to be answered' },
  ]);

/**
 * Comments on a post the actor may read, or replies to a live comment of it (depth = parent + 1, at most
 * LIMITS.commentDepth). The body is rendered before the transaction; inside it the post's
 * `comment_count` and the parent's `reply_count` are raised by conditional updates, which also re-check
 * under the row lock that neither was deleted or hidden meanwhile.
 */
export async function createComment(
  ctx: AppContext,
  input: { actor: Viewer; postId: string; body: string; parentId?: string | undefined },
): Promise<{ comment: CommentRow; context: PostContext }> {
  const { actor } = input;
  assertNotBlank(input.body);
  const context = await loadReadablePost(ctx.db, actor, input.postId);
  assertConversationOpen(context);
  let depth = 0;
  if (input.parentId !== undefined) {
    const parent = await findComment(ctx.db, input.parentId);
    if (!parent || parent.post_id !== context.post.id || !isLive(parent)) throw parentRefused();
    if (parent.depth >= LIMITS.commentDepth) throw tooDeep();
    depth = parent.depth + 1;
  }
  const rendered = await renderComment(ctx.db, actor, context, input.body);
  const now = nowIso();
  const comment: CommentRow = {
    id: newId(),
    post_id: context.post.id,
    parent_id: input.parentId ?? null,
    depth,
    author_id: actor.id,
    body: input.body,
    body_html: rendered.html,
    reply_count: 0,
    created_at: now,
    edited_at: null,
    deleted_at: null,
    hidden_at: null,
    hidden_by: null,
  };
  await inTransaction(ctx, async (trx) => {
    if (!(await countNewComment(trx, comment.post_id))) throw postNotFound();
    if (comment.parent_id !== null && !(await countNewReply(trx, comment.parent_id))) throw parentRefused();
    await trx.insertInto('comments').values(comment).execute();
    await replaceMentions(trx, comment, rendered.mentionedIds, now);
    await ctx.outbox.record(trx, {
      name: 'comment.created',
      actorId: actor.id,
      subjectType: 'comment',
      subjectId: comment.id,
      ...(context.post.space_id ? { spaceId: context.post.space_id } : {}),
      payload: { postId: comment.post_id, parentId: comment.parent_id, mentionedIds: rendered.mentionedIds },
    });
  });
  return { comment, context };
}
