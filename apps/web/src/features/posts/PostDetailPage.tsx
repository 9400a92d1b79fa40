import { useEffect } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, EmptyState, PageSpinner } from '../../components/ui/index.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { useLiveChannel } from '../../live/index.ts';
import { usePost } from './api.ts';
import { PostCard } from './card/PostCard.tsx';
import { targetPath } from './card/PostHeader.tsx';
import { CommentsSection } from './comments/CommentsSection.tsx';
import { authorName } from './labels.ts';

/** /posts/:id: the post and its threaded comments. An unreadable post looks exactly like a missing one. */
export function PostDetailPage() {
  const { id = '' } = useParams();
  const post = usePost(id);
  // Edits, comments, reactions and poll results arrive live while the post is open.
  useLiveChannel(id ? `post:${id}` : null);
  const navigate = useNavigate();
  const location = useLocation();
  useDocumentTitle(post.data ? `Post by ${authorName(post.data.author)}` : 'Post');

  // "#comments" from a feed: bring the conversation into view once it is there.
  const ready = post.isSuccess;
  useEffect(() => {
    if (ready && location.hash === '#comments') document.getElementById('comments')?.focus();
  }, [ready, location.hash]);

  if (post.isPending) return <PageSpinner label="Loading post…" />;
  if (post.isError) {
    if (post.error instanceof ApiError && post.error.status === 404) {
      return (
        <EmptyState title="Post not found">
          <p>
            This post does not exist, was deleted, or you cannot see it. <Link to="/">Back home</Link>
          </p>
        </EmptyState>
      );
    }
    return (
      <Alert tone="danger" title="Could not load this post">
        {errorMessage(post.error)} <Link to="/">Back home</Link>
      </Alert>
    );
  }
  const back = targetPath(post.data.target);
  return (
    <div className="post-detail feed-page">
      <nav aria-label="Breadcrumb" className="muted">
        <Link to="/">Home</Link>
        {back ? (
          <>
            {' / '}
            <Link to={back}>
              {post.data.target.type === 'company' ? 'Company feed' : post.data.target.name}
            </Link>
          </>
        ) : null}
      </nav>
      <h1 className="visually-hidden">Post by {authorName(post.data.author)}</h1>
      <PostCard
        post={post.data}
        headingLevel={2}
        detail
        onDeleted={() => navigate(back ?? '/', { replace: true })}
      />
      <CommentsSection post={post.data} />
    </div>
  );
}
