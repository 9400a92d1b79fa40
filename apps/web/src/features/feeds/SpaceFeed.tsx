import { Alert, EmptyState } from '../../components/ui/index.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { useMe } from '../auth/session.ts';
import { Composer } from '../posts/composer/Composer.tsx';
import { canAnnounceIn } from '../posts/useMySpaces.ts';
import { useCurrentSpace } from '../spaces/SpacePage.tsx';
import { feeds, useFeed } from './api.ts';
import { SpaceFeedPreferences } from './FeedPreferences.tsx';
import { PinnedPosts } from './PinnedPosts.tsx';
import { PostFeed } from './PostFeed.tsx';

/** The space's feed tab: pinned posts, the composer for those who may post, then the posts. */
export function SpaceFeed() {
  const space = useCurrentSpace();
  const me = useMe();
  useDocumentTitle(`${space.name} · Feed`);
  const source = feeds.space(space.handle);
  const feed = useFeed(source, space.abilities.read);
  if (!space.abilities.read) {
    return (
      <Alert tone="info" title="Members only">
        Only members of this space can read its posts.
      </Alert>
    );
  }
  // Open spaces take posts from anyone who may read them; the others from their members.
  const canPost = !space.archived && (space.membership !== null || space.visibility === 'open');
  // Pinned posts lead the page; the list below leaves them out instead of showing them twice.
  const pinnedIds = new Set(feed.data?.pages[0]?.pinned?.map((post) => post.id) ?? []);
  return (
    <div className="feed-page">
      <SpaceFeedPreferences space={space} />
      <PinnedPosts source={source} />
      {canPost ? (
        <Composer
          target={{
            input: { type: 'space', id: space.id },
            label: space.name,
            canAnnounce: canAnnounceIn(me, space),
          }}
        />
      ) : null}
      <PostFeed
        source={source}
        label={`Posts in ${space.name}`}
        live={{ channels: [`space:${space.id}`] }}
        exclude={(post) => pinnedIds.has(post.id)}
        empty={<EmptyState title="No posts yet">{canPost ? 'Start the conversation.' : null}</EmptyState>}
      />
    </div>
  );
}
