import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import { AppError, conflict, forbidden } from '../../../platform/http/errors.ts';
import { kindColumns } from '../kinds/kind-details.ts';
import { type LoadedPost, loadReadablePost } from '../load-post.ts';
import { renderPostBody } from '../post-body.ts';
import { type PostTargetInput, resolvePostTarget } from '../post-targets.ts';
import { shareAllowed, shareScopeOf } from '../posts.policy.ts';
import { insertPost } from './insert-post.ts';

const WIDER_AUDIENCE: Record<string, string> = {
  employees:
    'This post may be shared only where employees alone read it: the company feed, a profile, a record or an internal space.',
  'same-space': 'This post is in a private space: it may be shared only within that space.',
};

/** Sharing a share shares its original, which the sharer must be able to read as well. */
async function originalOf(ctx: AppContext, actor: Viewer, loaded: LoadedPost): Promise<LoadedPost> {
  if (loaded.post.shared_post_id === null) return loaded;
  try {
    return await loadReadablePost(ctx.db, actor, loaded.post.shared_post_id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      throw forbidden('The shared post is not available to you, so you cannot share it.');
    }
    throw error;
  }
}

/**
 * Shares a post into another target as a new post (an update with an optional comment). Refused where the
 * new target's audience would be wider than the original's (see `ShareScope`); the sharer must be able to
 * read the original and post to the target.
 */
export async function sharePost(
  ctx: AppContext,
  input: { actor: Viewer; loaded: LoadedPost; target: PostTargetInput; body?: string | undefined },
): Promise<PostsTable> {
  const { actor } = input;
  const original = await originalOf(ctx, actor, input.loaded);
  if (original.post.hidden_at !== null) throw conflict('A hidden post cannot be shared.');
  const target = await resolvePostTarget(ctx.db, actor, input.target);
  const scope = shareScopeOf(original.post, original.space);
  if (!shareAllowed(scope, { type: target.type, space: target.space })) {
    throw forbidden(WIDER_AUDIENCE[scope.kind] ?? 'This post cannot be shared there.');
  }
  const body = input.body ?? '';
  const kind = { kind: 'update' as const };
  const content = await renderPostBody(ctx.db, actor, target, body, { allowEmpty: true });
  return insertPost(ctx, {
    actor,
    target,
    recordId: target.recordId,
    kind,
    columns: kindColumns(actor, { type: target.type, membership: target.membership }, kind),
    body: body.trim() === '' ? '' : body,
    content,
    attachmentIds: [],
    sharedPostId: original.post.id,
  });
}
