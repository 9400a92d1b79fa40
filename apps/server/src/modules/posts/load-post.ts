import type { Viewer } from '../../platform/access/people.ts';
import { canModeratePost, canReadPost } from '../../platform/access/posts.ts';
import { type Membership, membershipOf } from '../../platform/access/spaces.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';
import { conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { findSpaceById, type SpaceRow } from '../spaces/spaces.repository.ts';
import { findPost } from './posts.repository.ts';

/** The one answer for a missing, deleted, unreadable or (to most) hidden post: identical bodies. */
export const postNotFound = () => notFound('No such post.');

export interface LoadedPost {
  post: PostsTable;
  space: SpaceRow | undefined;
  membership: Membership | undefined;
  /** Whether the viewer moderates this post (`canModeratePost`). */
  moderator: boolean;
}

/**
 * A post the viewer may read, or 404. A hidden post is readable only by its author and its moderators;
 * to everyone else it is as missing as a deleted one.
 */
export async function loadReadablePost(db: Executor, viewer: Viewer, id: string): Promise<LoadedPost> {
  const post = await findPost(db, id);
  if (!post || post.deleted_at !== null) throw postNotFound();
  const space = post.space_id === null ? undefined : await findSpaceById(db, post.space_id);
  const membership = space ? await membershipOf(db, space.id, viewer.id) : undefined;
  if (!canReadPost(viewer, post, space, membership)) throw postNotFound();
  const moderator = canModeratePost(viewer, post, membership);
  if (post.hidden_at !== null && post.author_id !== viewer.id && !moderator) throw postNotFound();
  return { post, space, membership, moderator };
}

/**
 * Edits, votes, answers and acknowledgements take part in the post's conversation, which a hidden post
 * or an archived space closes (as for comments and reactions).
 */
export function assertParticipationOpen(loaded: Pick<LoadedPost, 'post' | 'space'>): void {
  if (loaded.post.hidden_at !== null) throw forbidden('This post is hidden: its conversation is closed.');
  if ((loaded.space?.archived_at ?? null) !== null) throw conflict('This space is archived.');
}
