import type { PostKind } from '@atrium/contracts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import { badRequest } from '../../../platform/http/errors.ts';

export { assertParticipationOpen, type LoadedPost, loadReadablePost } from '../load-post.ts';

const KIND_NAMES: Record<PostKind, string> = {
  update: 'an update',
  question: 'a question',
  poll: 'a poll',
  praise: 'praise',
  announcement: 'an announcement',
};

/** Kind-specific actions on a post of another kind are bad input, not a missing resource. */
export function assertKind(post: PostsTable, kind: PostKind): void {
  if (post.kind !== kind) throw badRequest(`This post is not ${KIND_NAMES[kind]}.`);
}
