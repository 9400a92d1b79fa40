import { Link } from 'react-router';
import { Avatar, Badge } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { KindBadge } from '../../people/PersonLine.tsx';
import { authorName, KIND_LABELS, timeAgo, UNKNOWN_AUTHOR } from '../labels.ts';
import type { PostTarget, SharedPostView } from '../types.ts';

export function targetPath(target: PostTarget): string | null {
  switch (target.type) {
    case 'company':
      return '/company';
    case 'space':
      return target.handle ? `/spaces/${target.handle}/feed` : null;
    case 'person':
      return target.handle ? `/people/${target.handle}` : null;
    case 'record':
      return target.id ? `/records/${target.id}` : null;
  }
}

interface PostHeaderProps {
  post: SharedPostView;
  headingId: string;
  headingLevel: 2 | 3 | 4;
  /** Opens the edit history. */
  onShowHistory: () => void;
}

/** Author, where it was posted, when, and markers (kind, pinned, edited). */
export function PostHeader({ post, headingId, headingLevel, onShowHistory }: PostHeaderProps) {
  const Heading = `h${headingLevel}` as const;
  const to = targetPath(post.target);
  const where = post.target.type === 'company' ? 'Company feed' : post.target.name;
  return (
    <header className="post-header">
      <Avatar name={authorName(post.author)} src={post.author?.avatarUrl ?? null} size="md" />
      <div className="post-header-text">
        <Heading id={headingId} className="post-author">
          {post.author ? (
            <>
              <Link to={`/people/${post.author.handle}`}>{post.author.name}</Link>{' '}
              <KindBadge person={post.author} />
            </>
          ) : (
            UNKNOWN_AUTHOR
          )}
        </Heading>
        <p className="post-meta muted">
          <span>
            in {to ? <Link to={to}>{where}</Link> : where}
            {post.record && post.target.type !== 'record' ? (
              <>
                {' '}
                about <Link to={`/records/${post.record.id}`}>{post.record.name}</Link>
              </>
            ) : null}
          </span>
          <span aria-hidden="true"> · </span>
          <Link to={`/posts/${post.id}`} className="post-time" title={formatDateTime(post.createdAt)}>
            <time dateTime={post.createdAt}>{timeAgo(post.createdAt)}</time>
          </Link>
          {post.editedAt ? (
            <>
              <span aria-hidden="true"> · </span>
              <button type="button" className="link-button" onClick={onShowHistory}>
                Edited<span className="visually-hidden">: show edit history</span>
              </button>
            </>
          ) : null}
        </p>
      </div>
      <div className="post-badges">
        {post.kind !== 'update' ? (
          <Badge tone={post.kind === 'announcement' ? 'warning' : 'info'}>{KIND_LABELS[post.kind]}</Badge>
        ) : null}
        {post.question?.acceptedCommentId ? <Badge tone="success">Answered</Badge> : null}
        {post.pinned ? <Badge tone="neutral">Pinned</Badge> : null}
        {post.hidden ? <Badge tone="danger">Hidden</Badge> : null}
      </div>
    </header>
  );
}
