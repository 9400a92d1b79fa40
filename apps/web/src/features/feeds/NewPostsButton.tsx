import { useState } from 'react';
import { Button } from '../../components/ui/index.ts';
import { plural } from '../../lib/format.ts';

interface NewPostsButtonProps {
  count: number;
  /** Loads the feed again and shows its top. */
  onShow: () => Promise<void>;
}

/** "3 new posts" at the top of a feed, announced politely when the count changes. */
export function NewPostsButton({ count, onShow }: NewPostsButtonProps) {
  const [loading, setLoading] = useState(false);
  const label = plural(count, 'new post');
  return (
    <>
      {count > 0 ? (
        <div className="new-posts">
          <Button
            variant="primary"
            size="sm"
            className="new-posts-button"
            loading={loading}
            onClick={() => {
              setLoading(true);
              void onShow().finally(() => setLoading(false));
            }}
          >
            <span aria-hidden="true">↑</span> {label}
          </Button>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {count > 0 ? `${label} in this feed.` : ''}
      </p>
    </>
  );
}
