import type { Viewer } from '../../platform/access/people.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { type CommentRow, type Executor, findComment } from './comments.repository.ts';
import { loadReadablePost, type PostContext } from './post-context.ts';

/** The one answer for a missing comment, a deleted one, and one under a post the viewer may not read. */
export const commentNotFound = () => notFound('No such comment.');

/**
 * A comment under a post the viewer may read. Deleted comments answer 404, except with `allowDeleted`
 * one that keeps its place in a thread (so its replies can still be listed).
 */
export async function loadComment(
  db: Executor,
  viewer: Viewer,
  commentId: string,
  options: { allowDeleted: boolean },
): Promise<{ comment: CommentRow; context: PostContext }> {
  const comment = await findComment(db, commentId);
  const gone = comment !== undefined && comment.deleted_at !== null;
  // A deleted comment is only a placeholder, and only while it still has shown replies.
  if (!comment || (gone && (!options.allowDeleted || comment.reply_count === 0))) throw commentNotFound();
  try {
    return { comment, context: await loadReadablePost(db, viewer, comment.post_id) };
  } catch (error) {
    // The post's 404 must not tell a probing viewer that the comment exists.
    if (error instanceof AppError && error.status === 404) throw commentNotFound();
    throw error;
  }
}

export const loadLiveComment = (db: Executor, viewer: Viewer, commentId: string) =>
  loadComment(db, viewer, commentId, { allowDeleted: false });
