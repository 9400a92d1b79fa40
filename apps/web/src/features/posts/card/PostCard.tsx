import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/index.ts';
import { useMe } from '../../auth/session.ts';
import { useThreadMute } from '../../notifications/useThreadMute.ts';
import { authorName, UNKNOWN_AUTHOR } from '../labels.ts';
import { isUnavailable, type PostView, type SharedPostView } from '../types.ts';
import { usePostActions } from '../usePostActions.ts';
import { ActionMenu, type MenuAction } from './ActionMenu.tsx';
import { Attachments, LinkPreviews } from './Attachments.tsx';
import { AnnouncementBlock, PraiseBlock } from './KindBlocks.tsx';
import { PollBlock } from './PollBlock.tsx';
import { type PostDialog, PostDialogs } from './PostDialogs.tsx';
import { PostFooter } from './PostFooter.tsx';
import { PostHeader } from './PostHeader.tsx';
import { RichText } from './RichText.tsx';
import '../posts.css';

interface PostCardProps {
  post: PostView;
  headingLevel?: 2 | 3;
  /** The detail page shows the comments right below and leaves after a delete. */
  detail?: boolean;
  onDeleted?: () => void;
}

/** One post: who, where, when, the content of its kind, and everything one can do with it. */
export function PostCard({ post, headingLevel = 3, detail = false, onDeleted }: PostCardProps) {
  const headingId = useId();
  const [dialog, setDialog] = useState<PostDialog | null>(null);
  const actions = usePostActions(post);
  const thread = useThreadMute(post.id, post.threadMuted);

  const menu: MenuAction[] = [];
  if (post.abilities.edit && post.body !== null)
    menu.push({ label: 'Edit', onSelect: () => setDialog('edit') });
  if (post.editedAt) menu.push({ label: 'Edit history', onSelect: () => setDialog('history') });
  if (post.abilities.pin) {
    menu.push({
      label: post.pinned ? 'Unpin' : 'Pin to the space',
      onSelect: () => actions.pin.mutate(!post.pinned),
    });
  }
  if (post.abilities.hide) {
    menu.push(
      post.hidden
        ? { label: 'Show again', onSelect: () => actions.hide.mutate(null) }
        : { label: 'Hide', onSelect: () => setDialog('hide') },
    );
  }
  menu.push({
    label: thread.muted ? 'Unmute this thread' : 'Mute this thread',
    onSelect: () => thread.toggle.mutate(!thread.muted),
  });
  if (post.abilities.delete)
    menu.push({ label: 'Delete', danger: true, onSelect: () => setDialog('delete') });
  const failure = actions.pin.error ?? thread.toggle.error ?? (dialog === null ? actions.hide.error : null);

  return (
    <article
      className={[
        'post-card',
        post.hidden ? 'is-hidden' : '',
        post.kind === 'announcement' ? 'is-announcement' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-labelledby={headingId}
    >
      <div className="post-top">
        <PostHeader
          post={post}
          headingId={headingId}
          headingLevel={headingLevel}
          onShowHistory={() => setDialog('history')}
        />
        <ActionMenu label={`More actions for the post by ${authorName(post.author)}`} actions={menu} />
      </div>
      {post.hidden ? (
        <p className="hidden-note">
          Hidden by a moderator{post.hidden.reason ? `: ${post.hidden.reason}` : '.'} Only its author and
          moderators can see it.
        </p>
      ) : null}
      <PostContent post={post} />
      {post.sharedPost ? (
        isUnavailable(post.sharedPost) ? (
          <p className="shared-post unavailable muted">The shared post is no longer available.</p>
        ) : (
          <SharedPost post={post.sharedPost} />
        )
      ) : null}
      {failure ? (
        <Alert tone="danger">{failure instanceof Error ? failure.message : 'Something went wrong.'}</Alert>
      ) : null}
      <p className="visually-hidden" role="status">
        {thread.toggle.isSuccess
          ? thread.muted
            ? 'Thread muted: only mentions in it will notify you.'
            : 'Thread unmuted.'
          : ''}
      </p>
      <PostFooter
        post={post}
        actions={actions}
        onShare={() => setDialog('share')}
        showCommentLink={!detail}
      />
      <PostDialogs
        post={post}
        open={dialog}
        actions={actions}
        onClose={() => setDialog(null)}
        onDeleted={onDeleted}
      />
    </article>
  );
}

function PostContent({ post }: { post: SharedPostView }) {
  const me = useMe();
  const canSeeAcks = post.author?.id === me.person.id || me.person.role === 'admin' || post.abilities.pin;
  return (
    <div className="post-content">
      {post.praise ? <PraiseBlock praise={post.praise} /> : null}
      {post.bodyHtml ? <RichText html={post.bodyHtml} className="post-body" /> : null}
      {post.poll ? <PollBlock postId={post.id} poll={post.poll} /> : null}
      <Attachments files={post.attachments} />
      <LinkPreviews previews={post.linkPreviews} />
      {post.announcement ? (
        <AnnouncementBlock postId={post.id} announcement={post.announcement} canSeeAcks={canSeeAcks} />
      ) : null}
    </div>
  );
}

/** The post being shared, inside the sharing one: its content and a link to it, without its actions. */
function SharedPost({ post }: { post: SharedPostView }) {
  return (
    <section className="shared-post" aria-label={`Shared post by ${authorName(post.author)}`}>
      <p className="post-meta muted">
        {post.author ? <Link to={`/people/${post.author.handle}`}>{post.author.name}</Link> : UNKNOWN_AUTHOR}{' '}
        in {post.target.name} · <Link to={`/posts/${post.id}`}>Open the original post</Link>
      </p>
      <PostContent post={post} />
    </section>
  );
}
