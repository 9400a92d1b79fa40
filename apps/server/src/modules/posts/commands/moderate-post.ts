import type { Viewer } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { badRequest, forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import type { LoadedPost } from '../load-post.ts';
import { canPinPost } from '../posts.policy.ts';
import { findPost } from '../posts.repository.ts';

const eventBase = (actor: Viewer, post: PostsTable) => ({
  actorId: actor.id,
  subjectType: 'post',
  subjectId: post.id,
  ...(post.space_id === null ? {} : { spaceId: post.space_id }),
});

/**
 * Hides a post from everyone but its author and moderators (with a reason), or shows it again. Moderators
 * only (`canModeratePost`); audited either way. Hiding a hidden post or showing a shown one is a no-op.
 */
export async function setPostHidden(
  ctx: AppContext,
  input: { actor: Viewer; loaded: LoadedPost; hidden: boolean; reason?: string; ip: string | null },
): Promise<PostsTable> {
  const { actor, loaded } = input;
  const { post } = loaded;
  if (!loaded.moderator) throw forbidden('Only moderators hide posts.');
  const reason = input.hidden ? (input.reason?.trim() ?? '') : null;
  if (input.hidden && !reason) {
    throw badRequest('Say why the post is hidden.', [{ path: 'body/reason', message: 'must not be blank' }]);
  }
  // Already so: nothing changes (the first hider and reason stay), no event, no audit row.
  if (input.hidden === (post.hidden_at !== null)) return post;
  const changes = input.hidden
    ? { hidden_at: nowIso(), hidden_by: actor.id, hidden_reason: reason }
    : { hidden_at: null, hidden_by: null, hidden_reason: null };
  return inTransaction(ctx, async (trx) => {
    // Conditional on the state read above, so of two concurrent hides only one writes and is audited.
    const result = await trx
      .updateTable('posts')
      .set(changes)
      .where('id', '=', post.id)
      .where('hidden_at', input.hidden ? 'is' : 'is not', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      return (await findPost(trx, post.id)) ?? post;
    }
    const name = input.hidden ? 'post.hidden' : 'post.unhidden';
    await ctx.outbox.record(trx, {
      ...eventBase(actor, post),
      name,
      payload: { targetType: post.target_type, spaceId: post.space_id },
    });
    await audit(trx, {
      actorId: actor.id,
      action: name,
      targetType: 'post',
      targetId: post.id,
      ip: input.ip,
      data: { authorId: post.author_id, reason },
    });
    return { ...post, ...changes };
  });
}

/** Pins a space post on top of its space's feed, or unpins it: the space's owners, admins and moderators. */
export async function setPostPinned(
  ctx: AppContext,
  input: { actor: Viewer; loaded: LoadedPost; pinned: boolean },
): Promise<PostsTable> {
  const { actor, loaded } = input;
  const { post } = loaded;
  if (!loaded.moderator) throw forbidden('Only moderators of the space pin posts.');
  if (!canPinPost(actor, post, loaded.membership)) throw badRequest('Only posts in a space can be pinned.');
  if (input.pinned === (post.pinned_at !== null)) return post;
  const changes = input.pinned
    ? { pinned_at: nowIso(), pinned_by: actor.id }
    : { pinned_at: null, pinned_by: null };
  return inTransaction(ctx, async (trx) => {
    await trx.updateTable('posts').set(changes).where('id', '=', post.id).execute();
    await ctx.outbox.record(trx, {
      ...eventBase(actor, post),
      name: input.pinned ? 'post.pinned' : 'post.unpinned',
      payload: { targetType: post.target_type, spaceId: post.space_id },
    });
    return { ...post, ...changes };
  });
}
