import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { plural } from '../../../lib/format.ts';
import { patchPost } from '../api.ts';
import { BookmarkIcon, CommentIcon, ShareIcon } from '../icons.tsx';
import { ReactionsBar } from '../reactions/ReactionsBar.tsx';
import type { SharedPostView } from '../types.ts';
import type { usePostActions } from '../usePostActions.ts';

interface PostFooterProps {
  post: SharedPostView;
  actions: ReturnType<typeof usePostActions>;
  onShare: () => void;
  /** On the detail page the comments are right below: no link to them. */
  showCommentLink: boolean;
}

export function PostFooter({ post, actions, onShare, showCommentLink }: PostFooterProps) {
  const queryClient = useQueryClient();
  return (
    <footer className="post-footer">
      <ReactionsBar
        subject="posts"
        id={post.id}
        summary={post.reactions}
        canReact={post.abilities.react}
        onChange={(reactions) => patchPost(queryClient, post.id, () => ({ reactions }))}
      />
      <div className="post-footer-actions">
        {showCommentLink ? (
          <Link to={`/posts/${post.id}#comments`} className="chip-button">
            <CommentIcon /> {post.commentCount > 0 ? plural(post.commentCount, 'comment') : 'Comment'}
          </Link>
        ) : null}
        {post.abilities.bookmark ? (
          <button
            type="button"
            className="chip-button"
            aria-pressed={post.bookmarked}
            disabled={actions.bookmark.isPending}
            onClick={() => actions.bookmark.mutate(!post.bookmarked)}
          >
            <BookmarkIcon filled={post.bookmarked} /> Bookmark
          </button>
        ) : null}
        {post.abilities.share ? (
          <button type="button" className="chip-button" onClick={onShare}>
            <ShareIcon /> Share
          </button>
        ) : null}
      </div>
    </footer>
  );
}
