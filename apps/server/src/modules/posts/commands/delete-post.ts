import type { Viewer } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import type { LoadedPost } from '../load-post.ts';
import { removeTopics, topicsOfPost } from '../post-references.ts';
import { canDeletePost, isAuthor } from '../posts.policy.ts';

/**
 * Deletes a post softly: the row stays (attributed, for moderation), nobody reads it any more, and it
 * leaves its topics. Its author, or a moderator, who leaves an audit row.
 */
export async function deletePost(
  ctx: AppContext,
  input: { actor: Viewer; loaded: LoadedPost; ip: string | null },
): Promise<void> {
  const { actor, loaded } = input;
  const { post } = loaded;
  if (!canDeletePost(actor, post, loaded.membership))
    throw forbidden('Only the author or a moderator deletes a post.');
  await inTransaction(ctx, async (trx) => {
    const result = await trx
      .updateTable('posts')
      .set({ deleted_at: nowIso(), deleted_by: actor.id })
      .where('id', '=', post.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    // Deleted meanwhile by someone else: nothing more to do.
    if (Number(result.numUpdatedRows) === 0) return;
    await removeTopics(trx, post.id, await topicsOfPost(trx, post.id));
    await ctx.outbox.record(trx, {
      name: 'post.deleted',
      actorId: actor.id,
      subjectType: 'post',
      subjectId: post.id,
      ...(post.space_id === null ? {} : { spaceId: post.space_id }),
      payload: { targetType: post.target_type, spaceId: post.space_id, byAuthor: isAuthor(actor, post) },
    });
    if (!isAuthor(actor, post)) {
      await audit(trx, {
        actorId: actor.id,
        action: 'post.deleted',
        targetType: 'post',
        targetId: post.id,
        ip: input.ip,
        data: { authorId: post.author_id, targetType: post.target_type, spaceId: post.space_id },
      });
    }
  });
}
