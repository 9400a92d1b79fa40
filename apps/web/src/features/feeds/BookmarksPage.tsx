import { EmptyState } from '../../components/ui/index.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { feeds } from './api.ts';
import { PostFeed } from './PostFeed.tsx';

export function BookmarksPage() {
  useDocumentTitle('Bookmarks');
  return (
    <div className="feed-page">
      <header className="page-header">
        <h1>Bookmarks</h1>
      </header>
      <PostFeed
        source={feeds.bookmarks}
        label="Bookmarked posts"
        headingLevel={2}
        empty={
          <EmptyState title="No bookmarks yet">
            Use the Bookmark button on a post to find it here later.
          </EmptyState>
        }
      />
    </div>
  );
}
