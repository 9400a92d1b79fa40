import { useState } from 'react';
import { Alert, Button, LoadMore, Spinner } from '../../../components/ui/index.ts';
import { errorMessage } from '../../../lib/api.ts';
import { plural } from '../../../lib/format.ts';
import type { CommentView, PostView } from '../types.ts';
import { useReplies } from './api.ts';
import { CommentItem } from './CommentItem.tsx';

/**
 * The replies under a comment: those the thread included, then, on request, the rest of the thread
 * from GET /comments/{id}/replies (each with one more level, which can continue in turn).
 */
export function ThreadReplies({ comment, post }: { comment: CommentView; post: PostView }) {
  const [continued, setContinued] = useState(false);
  const remaining = comment.replyCount - comment.replies.length;
  const more = useReplies(comment.id, comment.repliesCursor, continued && remaining > 0);
  const loaded = more.data?.pages.flatMap((page) => page.items) ?? [];
  const shownIds = new Set(comment.replies.map((reply) => reply.id));
  const extra = loaded.filter((reply) => !shownIds.has(reply.id));
  const replies = [...comment.replies, ...extra];
  if (replies.length === 0 && remaining <= 0) return null;

  return (
    <div className="comment-thread">
      {replies.length > 0 ? (
        <ol
          className="comment-replies"
          aria-label={`Replies to ${comment.author?.name ?? 'a deleted comment'}`}
        >
          {replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} post={post} />
          ))}
        </ol>
      ) : null}
      {remaining > 0 && !continued ? (
        <Button size="sm" variant="ghost" className="continue-thread" onClick={() => setContinued(true)}>
          {comment.replies.length === 0 ? 'Continue thread' : 'Show more replies'} (
          {plural(remaining, 'reply', 'replies')})
        </Button>
      ) : null}
      {continued && more.isPending ? <Spinner label="Loading replies…" /> : null}
      {continued && more.isError ? <Alert tone="danger">{errorMessage(more.error)}</Alert> : null}
      {continued ? <LoadMore pages={more} /> : null}
    </div>
  );
}
