import { useInfiniteQuery } from '@tanstack/react-query';
import { api, enc } from '../../lib/api.ts';
import { FEEDS_ROOT, type FeedPage } from '../posts/api.ts';

/** A feed: its cache key (always under ['feeds']) and the API path that pages through it. */
export interface FeedSource {
  key: readonly unknown[];
  path: string;
}

export const feeds = {
  home: { key: [...FEEDS_ROOT, 'home'], path: '/api/v1/feeds/home' },
  company: { key: [...FEEDS_ROOT, 'company'], path: '/api/v1/feeds/company' },
  announcements: { key: [...FEEDS_ROOT, 'announcements'], path: '/api/v1/feeds/announcements' },
  bookmarks: { key: [...FEEDS_ROOT, 'bookmarks'], path: '/api/v1/bookmarks' },
  space: (handle: string) => ({
    key: [...FEEDS_ROOT, 'space', handle],
    path: `/api/v1/spaces/${enc(handle)}/feed`,
  }),
  topic: (name: string) => ({
    key: [...FEEDS_ROOT, 'topic', name],
    path: `/api/v1/topics/${enc(name)}/feed`,
  }),
  record: (id: string) => ({ key: [...FEEDS_ROOT, 'record', id], path: `/api/v1/records/${enc(id)}/feed` }),
  person: (handle: string) => ({
    key: [...FEEDS_ROOT, 'person', handle],
    path: `/api/v1/people/${enc(handle)}/feed`,
  }),
} satisfies Record<string, FeedSource | ((arg: string) => FeedSource)>;

/** Newest first, keyset-paged: each page's `nextCursor` continues strictly after its last post. */
export function useFeed(source: FeedSource, enabled = true, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: source.key,
    queryFn: ({ pageParam, signal }) =>
      api.get<FeedPage>(source.path, { cursor: pageParam, limit: pageSize }, signal),
    initialPageParam: null as string | null,
    // The announcements answer has no cursor: one page.
    getNextPageParam: (last) => last.nextCursor ?? null,
    enabled,
  });
}
