import type { Viewer } from '../../platform/access/people.ts';
import type { ReactionSubject } from '../../platform/db/schema-conversation.ts';
import type { CommentRow, Executor } from '../comments/comments.repository.ts';
import { loadLiveComment } from '../comments/load-comment.ts';
import { loadReadablePost, type PostContext } from '../comments/post-context.ts';

export interface SubjectRef {
  type: ReactionSubject;
  id: string;
}

/** What is reacted to: a post, or a comment with its post. */
export interface ReactionTarget {
  context: PostContext;
  comment: CommentRow | undefined;
}

/**
 * A post the viewer may read, or a live comment under one; 404 otherwise, exactly like a missing one.
 * Reactions inherit the post's visibility.
 */
export async function loadReactionTarget(
  db: Executor,
  viewer: Viewer,
  subject: SubjectRef,
): Promise<ReactionTarget> {
  if (subject.type === 'post') {
    return { context: await loadReadablePost(db, viewer, subject.id), comment: undefined };
  }
  const { comment, context } = await loadLiveComment(db, viewer, subject.id);
  return { context, comment };
}
