import type { PostKind } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import { type KindInput, kindColumns } from '../kinds/kind-details.ts';
import { renderPostBody } from '../post-body.ts';
import { type PostTargetInput, recordOfNewPost, resolvePostTarget } from '../post-targets.ts';
import { insertPost } from './insert-post.ts';

export interface CreatePostInput extends Omit<KindInput, 'kind'> {
  actor: Viewer;
  target: PostTargetInput;
  kind?: PostKind | undefined;
  body: string;
  recordId?: string | undefined;
  attachmentIds?: readonly string[] | undefined;
}

/**
 * Creates a post: every check (target, record, kind, body) runs before the transaction, so a refused post
 * stores nothing.
 */
export async function createPost(ctx: AppContext, input: CreatePostInput): Promise<PostsTable> {
  const { actor } = input;
  const target = await resolvePostTarget(ctx.db, actor, input.target);
  const recordId = await recordOfNewPost(ctx.db, target, input.recordId);
  const kind: KindInput = {
    kind: input.kind ?? 'update',
    poll: input.poll,
    praise: input.praise,
    announcement: input.announcement,
  };
  const columns = kindColumns(actor, { type: target.type, membership: target.membership }, kind);
  const content = await renderPostBody(ctx.db, actor, target, input.body);
  return insertPost(ctx, {
    actor,
    target,
    recordId,
    kind,
    columns,
    body: input.body,
    content,
    attachmentIds: input.attachmentIds ?? [],
    sharedPostId: null,
  });
}
