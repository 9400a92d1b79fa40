import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/index.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { AnnouncementsStrip } from './AnnouncementsStrip.tsx';
import { feeds, useFeed } from './api.ts';
import { HomeComposer } from './HomeComposer.tsx';
import { useMyStreamChannels } from './liveChannels.ts';
import { PostFeed } from './PostFeed.tsx';

/** Followed people, topics and records, my spaces, the company feed; announcements on top. */
export function HomePage() {
  useDocumentTitle('Home');
  // The strip shows current announcements; the feed below leaves them out instead of showing them twice.
  const strip = useFeed(feeds.announcements, true, 5);
  const pinned = new Set(strip.data?.pages[0]?.items.map((post) => post.id) ?? []);
  const channels = useMyStreamChannels();
  return (
    <div className="feed-page">
      <header className="page-header">
        <h1>Home</h1>
      </header>
      <AnnouncementsStrip />
      <HomeComposer />
      <PostFeed
        source={feeds.home}
        label="Home feed"
        live={{ channels }}
        exclude={(post) => pinned.has(post.id)}
        empty={
          <EmptyState title="Nothing here yet">
            <p>
              Write the first post, <Link to="/spaces">join spaces</Link> or follow people and topics to fill
              your feed.
            </p>
          </EmptyState>
        }
      />
    </div>
  );
}
