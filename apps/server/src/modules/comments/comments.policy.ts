import { LIMITS } from '@atrium/contracts';
import type { Viewer } from '../../platform/access/people.ts';
import type { CommentsTable } from '../../platform/db/schema-conversation.ts';
import { conflict, forbidden } from '../../platform/http/errors.ts';
import type { PostContext } from './post-context.ts';

/**
 * Who may do what in a post's conversation. Reading is decided by the post (post-context.ts); taking
 * part is open to every reader of the post: in an open space that includes readers who have not joined,
 * such as external people in an open external community (open means open to take part). A hidden post
 * or an archived space closes the conversation: nothing new, no edits, no reactions; moderators still
 * hide and delete.
 */
export const conversationOpen = (context: PostContext): boolean =>
  context.post.hidden_at === null && (context.space?.archived_at ?? null) === null;

/** Refuses a write to a closed conversation, saying why. */
export function assertConversationOpen(context: PostContext): void {
  if (context.post.hidden_at !== null) throw forbidden('This post is hidden: its conversation is closed.');
  if ((context.space?.archived_at ?? null) !== null) throw conflict('This space is archived.');
}

type CommentFacts = Pick<CommentsTable, 'author_id' | 'depth' | 'deleted_at' | 'hidden_at'>;

/** A comment that can be answered and reacted to: neither deleted nor hidden. */
export const isLive = (comment: Pick<CommentsTable, 'deleted_at' | 'hidden_at'>): boolean =>
  comment.deleted_at === null && comment.hidden_at === null;

/** A hidden comment's body is for its author and the post's moderators only. */
export const maySeeBody = (viewer: Viewer, context: PostContext, comment: CommentFacts): boolean =>
  comment.deleted_at === null &&
  (comment.hidden_at === null || comment.author_id === viewer.id || context.moderator);

export interface CommentAbilities {
  edit: boolean;
  delete: boolean;
  hide: boolean;
  react: boolean;
  reply: boolean;
}

export function commentAbilities(
  viewer: Viewer,
  context: PostContext,
  comment: CommentFacts,
): CommentAbilities {
  const open = conversationOpen(context);
  const live = isLive(comment);
  const author = comment.author_id === viewer.id;
  return {
    edit: open && live && author,
    delete: comment.deleted_at === null && (author || context.moderator),
    hide: comment.deleted_at === null && context.moderator,
    react: open && live,
    reply: open && live && comment.depth < LIMITS.commentDepth,
  };
}
