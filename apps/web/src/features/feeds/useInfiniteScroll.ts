import { useEffect, useRef } from 'react';

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * Loads the next page when the returned sentinel comes near the viewport (attach it below the list). Stops after a failed page
 * (the "Load more" button retries), and does nothing where IntersectionObserver is missing.
 */
export function useInfiniteScroll<T extends Element>(pages: Pages, pageCount: number) {
  const sentinel = useRef<T>(null);
  const latest = useRef(pages);
  latest.current = pages;

  // A fresh observer per page reports at once whether the sentinel is still in view (a short page).
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-observe after each page on purpose
  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = latest.current;
        if (
          entries.some((entry) => entry.isIntersecting) &&
          hasNextPage &&
          !isFetchingNextPage &&
          !isFetchNextPageError
        ) {
          void fetchNextPage();
        }
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [pageCount]);

  return sentinel;
}
