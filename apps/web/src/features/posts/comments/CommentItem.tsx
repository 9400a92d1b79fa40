import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Avatar, Badge } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { ActionMenu } from '../card/ActionMenu.tsx';
import { RichText } from '../card/RichText.tsx';
import { timeAgo } from '../labels.ts';
import type { CommentView, PostView } from '../types.ts';
import { AcceptAnswerButton } from './AcceptAnswerButton.tsx';
import { type CommentDialog, CommentDialogs, useCommentMenu } from './CommentDialogs.tsx';
import { CommentForm } from './CommentForm.tsx';
import { CommentReactions } from './CommentReactions.tsx';
import { ThreadReplies } from './ThreadReplies.tsx';

interface CommentItemProps {
  comment: CommentView;
  post: PostView;
}

/** One comment with its actions, a reply form on demand, and its replies (or "Continue thread"). */
export function CommentItem({ comment, post }: CommentItemProps) {
  const headingId = useId();
  const [replying, setReplying] = useState(false);
  const [dialog, setDialog] = useState<CommentDialog | null>(null);
  const menu = useCommentMenu(comment, setDialog);
  const accepted = post.question?.acceptedCommentId === comment.id;
  const author = comment.author;
  const gone = comment.deleted || comment.bodyHtml === null;
  const scope = { targetType: post.target.type, targetId: post.target.id };

  return (
    <li className="comment-item" data-depth={Math.min(comment.depth, 3)}>
      <article className={accepted ? 'comment accepted' : 'comment'} aria-labelledby={headingId}>
        <header className="comment-header">
          {author ? <Avatar name={author.name} src={author.avatarUrl} size="sm" /> : null}
          <h3 id={headingId} className="comment-author">
            {author ? (
              <Link to={`/people/${author.handle}`}>{author.name}</Link>
            ) : (
              <span className="muted">Deleted comment</span>
            )}
          </h3>
          <span className="muted comment-meta">
            <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
              {timeAgo(comment.createdAt)}
            </time>
            {comment.editedAt ? (
              <>
                {' · '}
                <button type="button" className="link-button" onClick={() => setDialog('history')}>
                  Edited<span className="visually-hidden">: show edit history</span>
                </button>
              </>
            ) : null}
          </span>
          {accepted ? <Badge tone="success">✓ Accepted answer</Badge> : null}
          {comment.hidden ? <Badge tone="danger">Hidden</Badge> : null}
          {author ? (
            <ActionMenu label={`More actions for the comment by ${author.name}`} actions={menu} />
          ) : null}
        </header>
        {gone ? (
          <p className="muted comment-gone">
            {comment.deleted ? 'This comment was deleted.' : 'This comment is hidden.'}
          </p>
        ) : (
          <RichText html={comment.bodyHtml ?? ''} className="comment-body" />
        )}
        {!gone ? (
          <footer className="comment-footer">
            <CommentReactions comment={comment} />
            {comment.abilities.reply ? (
              <button
                type="button"
                className="chip-button"
                aria-expanded={replying}
                onClick={() => setReplying((open) => !open)}
              >
                Reply<span className="visually-hidden"> to {author?.name ?? 'this comment'}</span>
              </button>
            ) : null}
            <AcceptAnswerButton post={post} comment={comment} accepted={accepted} />
          </footer>
        ) : null}
        {replying ? (
          <CommentForm
            postId={post.id}
            parentId={comment.id}
            label={`Reply to ${author?.name ?? 'this comment'}`}
            mentionScope={scope}
            autoFocus
            onDone={() => setReplying(false)}
            onCancel={() => setReplying(false)}
          />
        ) : null}
      </article>
      <ThreadReplies comment={comment} post={post} />
      <CommentDialogs comment={comment} post={post} open={dialog} onClose={() => setDialog(null)} />
    </li>
  );
}
