import { Alert, Button, LoadMore, PageSpinner } from '../../../components/ui/index.ts';
import { errorMessage } from '../../../lib/api.ts';
import { plural } from '../../../lib/format.ts';
import type { PostView } from '../types.ts';
import { useComments } from './api.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem } from './CommentItem.tsx';
import './comments.css';

/** The conversation under a post: threads oldest first, then the form for a new comment. */
export function CommentsSection({ post }: { post: PostView }) {
  const comments = useComments(post.id);
  const threads = comments.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section id="comments" className="comments card" aria-labelledby="comments-title" tabIndex={-1}>
      <h2 id="comments-title" className="card-title">
        Comments <span className="muted">({post.commentCount})</span>
      </h2>
      {comments.isPending ? (
        <PageSpinner label="Loading comments…" />
      ) : comments.isError && threads.length === 0 ? (
        <Alert
          tone="danger"
          title="Could not load the comments"
          actions={<Button onClick={() => void comments.refetch()}>Try again</Button>}
        >
          {errorMessage(comments.error)}
        </Alert>
      ) : threads.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ol className="comment-list" aria-label={plural(post.commentCount, 'comment')}>
          {threads.map((comment) => (
            <CommentItem key={comment.id} comment={comment} post={post} />
          ))}
        </ol>
      )}
      {comments.isFetchNextPageError ? <Alert tone="danger">{errorMessage(comments.error)}</Alert> : null}
      <LoadMore pages={comments} />
      {post.abilities.comment ? (
        <CommentForm
          postId={post.id}
          label="Write a comment"
          mentionScope={{ targetType: post.target.type, targetId: post.target.id }}
        />
      ) : (
        <p className="muted">Comments are closed on this post.</p>
      )}
    </section>
  );
}
