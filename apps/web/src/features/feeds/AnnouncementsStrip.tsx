import { useId } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { useMe } from '../auth/session.ts';
import { AnnouncementBlock } from '../posts/card/KindBlocks.tsx';
import { targetPath } from '../posts/card/PostHeader.tsx';
import { RichText } from '../posts/card/RichText.tsx';
import { authorName, timeAgo, UNKNOWN_AUTHOR } from '../posts/labels.ts';
import type { PostView } from '../posts/types.ts';
import { feeds, useFeed } from './api.ts';

/** Current announcements above the home feed, each with its acknowledge button. */
export function AnnouncementsStrip() {
  const headingId = useId();
  const query = useFeed(feeds.announcements, true, 5);
  const items = query.data?.pages[0]?.items ?? [];
  if (query.isError)
    return <Alert tone="danger">Announcements could not load: {errorMessage(query.error)}</Alert>;
  if (items.length === 0) return null;
  return (
    <section className="announcements-strip" aria-labelledby={headingId}>
      <h2 id={headingId} className="strip-title">
        <span aria-hidden="true">📣</span> Announcements
      </h2>
      <ul className="announcement-list">
        {items.map((post) => (
          <li key={post.id}>
            <AnnouncementItem post={post} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnnouncementItem({ post }: { post: PostView }) {
  const me = useMe();
  const where = targetPath(post.target);
  return (
    <article className="announcement-item" aria-label={`Announcement by ${authorName(post.author)}`}>
      <p className="post-meta muted">
        {post.author ? <Link to={`/people/${post.author.handle}`}>{post.author.name}</Link> : UNKNOWN_AUTHOR}{' '}
        in{' '}
        {where ? (
          <Link to={where}>{post.target.type === 'company' ? 'Company feed' : post.target.name}</Link>
        ) : (
          post.target.name
        )}{' '}
        · <Link to={`/posts/${post.id}`}>{timeAgo(post.createdAt)}</Link>
      </p>
      <RichText html={post.bodyHtml} className="post-body" />
      {post.announcement ? (
        <AnnouncementBlock
          postId={post.id}
          announcement={post.announcement}
          canSeeAcks={post.author?.id === me.person.id || me.person.role === 'admin' || post.abilities.pin}
        />
      ) : null}
    </article>
  );
}
