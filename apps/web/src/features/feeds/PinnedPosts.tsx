import { useId } from 'react';
import { PostCard } from '../posts/card/PostCard.tsx';
import { type FeedSource, useFeed } from './api.ts';

/** Posts pinned by the space's moderators, above its feed (listed with the feed's first page). */
export function PinnedPosts({ source }: { source: FeedSource }) {
  const headingId = useId();
  const feed = useFeed(source);
  const pinned = feed.data?.pages[0]?.pinned ?? [];
  if (pinned.length === 0) return null;
  return (
    <section className="pinned-posts" aria-labelledby={headingId}>
      <h2 id={headingId} className="strip-title">
        <span aria-hidden="true">📌</span> Pinned
      </h2>
      <ol className="post-list">
        {pinned.map((post) => (
          <li key={post.id}>
            <PostCard post={post} />
          </li>
        ))}
      </ol>
    </section>
  );
}
