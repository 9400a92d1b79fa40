import type { PostKind } from '@atrium/contracts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import { badRequest, conflict, forbidden } from '../../../platform/http/errors.ts';
import type { LoadedPost } from '../load-post.ts';

export { type LoadedPost, loadReadablePost } from '../load-post.ts';

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

/**
 * Votes, answers and acknowledgements take part in the post's conversation, which a hidden post or an
 * archived space closes (as for comments and reactions).
 */
export function assertParticipationOpen(loaded: Pick<LoadedPost, 'post' | 'space'>): void {
  if (loaded.post.hidden_at !== null) throw forbidden('This post is hidden: its conversation is closed.');
  if ((loaded.space?.archived_at ?? null) !== null) throw conflict('This space is archived.');
}
