import type { LoadedPost } from '../posts/load-post.ts';

/**
 * A post the viewer may read, with what the conversation rules need (space, membership, moderator).
 * Loaded by the posts module's `loadReadablePost`, so a post is readable in its conversation exactly
 * when it is readable on its own: missing, deleted, unreadable and (to most) hidden posts answer 404.
 */
export type PostContext = Pick<LoadedPost, 'post' | 'space' | 'membership' | 'moderator'>;

export { loadReadablePost, postNotFound } from '../posts/load-post.ts';
