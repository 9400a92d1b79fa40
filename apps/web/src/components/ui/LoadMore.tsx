import { Button } from './Button.tsx';

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The "Load more" button under a paged list; nothing once the last page is in. */
export function LoadMore({ pages }: { pages: Pages }) {
  if (!pages.hasNextPage) return null;
  return (
    <div className="load-more">
      <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
        Load more
      </Button>
    </div>
  );
}
