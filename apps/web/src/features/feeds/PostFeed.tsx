import { type ReactNode, useRef } from 'react';
import { Alert, Button, LoadMore, PageSpinner } from '../../components/ui/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { PostCard } from '../posts/card/PostCard.tsx';
import type { PostView } from '../posts/types.ts';
import { type FeedSource, useFeed } from './api.ts';
import { NewPostsButton } from './NewPostsButton.tsx';
import { useInfiniteScroll } from './useInfiniteScroll.ts';
import { type FeedLive, useNewPosts } from './useNewPosts.ts';
import './feeds.css';

interface PostFeedProps {
  source: FeedSource;
  /** Names the feed region, e.g. "Home feed". */
  label: string;
  /** Shown when the feed is empty. */
  empty: ReactNode;
  enabled?: boolean;
  /** Posts shown elsewhere on the page (pinned ones) are left out here. */
  exclude?: (post: PostView) => boolean;
  headingLevel?: 2 | 3;
  /** Where new posts of this feed are announced live ("3 new posts" at the top). */
  live?: FeedLive;
}

/** A feed of posts, newest first: more load as the end comes into view, or with the "Load more" button. */
export function PostFeed({
  source,
  label,
  empty,
  enabled = true,
  exclude,
  headingLevel = 3,
  live,
}: PostFeedProps) {
  const feed = useFeed(source, enabled);
  const pageCount = feed.data?.pages.length ?? 0;
  const sentinel = useInfiniteScroll<HTMLDivElement>(feed, pageCount);
  const all = feed.data?.pages.flatMap((page) => page.items) ?? [];
  const posts = exclude ? all.filter((post) => !exclude(post)) : all;
  const shown = new Set([...all, ...(feed.data?.pages[0]?.pinned ?? [])].map((post) => post.id));
  const newPosts = useNewPosts(JSON.stringify(source.key), enabled ? live : undefined, shown);
  const region = useRef<HTMLElement>(null);

  const showNewPosts = async () => {
    await feed.refetch();
    newPosts.clear();
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    region.current?.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
    region.current?.focus({ preventScroll: true });
  };

  let content: ReactNode;
  if (feed.isPending) {
    content = <PageSpinner label="Loading posts…" />;
  } else if (feed.isError && all.length === 0) {
    content = (
      <Alert
        tone="danger"
        title="Could not load the posts"
        actions={<Button onClick={() => void feed.refetch()}>Try again</Button>}
      >
        {errorMessage(feed.error)}
      </Alert>
    );
  } else if (posts.length === 0 && !feed.hasNextPage) {
    content = empty;
  } else {
    content = (
      <ol className="post-list">
        {posts.map((post) => (
          <li key={post.id}>
            <PostCard post={post} headingLevel={headingLevel} />
          </li>
        ))}
      </ol>
    );
  }

  return (
    <section ref={region} className="post-feed" aria-label={label} aria-busy={feed.isFetching} tabIndex={-1}>
      {live ? <NewPostsButton count={newPosts.count} onShow={showNewPosts} /> : null}
      {content}
      <div ref={sentinel} className="feed-sentinel" aria-hidden="true" />
      {feed.isFetchNextPageError ? <Alert tone="danger">{errorMessage(feed.error)}</Alert> : null}
      <LoadMore pages={feed} />
      {!feed.hasNextPage && posts.length > 0 ? (
        <p className="muted feed-end">You have reached the end.</p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {feed.isFetchingNextPage
          ? 'Loading more posts…'
          : posts.length > 0
            ? `${plural(posts.length, 'post')} loaded`
            : ''}
      </p>
    </section>
  );
}
