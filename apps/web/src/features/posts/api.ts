import { type InfiniteData, type QueryClient, useQuery } from '@tanstack/react-query';
import { api, enc } from '../../lib/api.ts';
import type { Page } from '../../lib/types.ts';
import { isUnavailable, type PostView, type SharedPostView } from './types.ts';

/**
 * Query keys. Every paged list of posts (feeds, bookmarks, topic, record, person) lives under
 * ['feeds', …] so one helper can patch a post wherever it is shown.
 */
export const postKeys = {
  all: ['posts'] as const,
  detail: (id: string) => ['posts', 'detail', id] as const,
  revisions: (type: 'posts' | 'comments', id: string) => ['posts', 'revisions', type, id] as const,
  reactors: (type: 'posts' | 'comments', id: string, kind: string) =>
    ['posts', 'reactors', type, id, kind] as const,
  comments: (postId: string) => ['posts', 'comments', postId] as const,
  replies: (commentId: string) => ['posts', 'replies', commentId] as const,
  acknowledgements: (id: string) => ['posts', 'acknowledgements', id] as const,
};

export const FEEDS_ROOT = ['feeds'] as const;

export const postPath = (id: string, rest = '') => `/api/v1/posts/${enc(id)}${rest}`;

export function usePost(id: string) {
  return useQuery({
    queryKey: postKeys.detail(id),
    queryFn: ({ signal }) => api.get<PostView>(postPath(id), undefined, signal),
    retry: false,
  });
}

/** A page of a feed; the space feed's first page also lists its pinned posts. */
export interface FeedPage extends Page<PostView> {
  pinned?: PostView[];
}

type PostPages = InfiniteData<FeedPage, string | null>;

/** A change to one post: the fields to replace, or null when the post is gone. */
export type PostPatch = (post: SharedPostView) => Partial<SharedPostView> | null;

function patched(post: PostView, id: string, patch: PostPatch): PostView | null {
  if (post.id === id) {
    const changes = patch(post);
    return changes ? { ...post, ...changes } : null;
  }
  const shared = post.sharedPost;
  if (shared && !isUnavailable(shared) && shared.id === id) {
    const changes = patch(shared);
    return { ...post, sharedPost: changes ? { ...shared, ...changes } : { unavailable: true } };
  }
  return post;
}

function patchList(posts: PostView[], id: string, patch: PostPatch): PostView[] {
  return posts.flatMap((post) => {
    const next = patched(post, id, patch);
    return next ? [next] : [];
  });
}

/** Applies a change to the post with this id in every feed and in its detail view (null drops it). */
export function patchPost(queryClient: QueryClient, id: string, patch: PostPatch): void {
  queryClient.setQueriesData<PostPages>({ queryKey: FEEDS_ROOT }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: patchList(page.items, id, patch),
            ...(page.pinned ? { pinned: patchList(page.pinned, id, patch) } : {}),
          })),
        }
      : data,
  );
  queryClient.setQueryData<PostView>(postKeys.detail(id), (post) =>
    post ? (patched(post, id, patch) ?? post) : post,
  );
}

/** Puts the server's fresh copy of a post everywhere it is shown. */
export function storePost(queryClient: QueryClient, post: PostView): void {
  const { sharedPost: _shared, ...fields } = post;
  patchPost(queryClient, post.id, () => fields);
  queryClient.setQueryData(postKeys.detail(post.id), post);
}

function isPostView(value: unknown): value is PostView {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'bodyHtml' in value);
}

/**
 * After a change to a post: store the answer when it is the post, otherwise reload the post (counts,
 * abilities and the viewer's state come from the server, never from guesses).
 */
export async function refreshPost(queryClient: QueryClient, id: string, answer?: unknown): Promise<void> {
  if (isPostView(answer) && answer.id === id) {
    storePost(queryClient, answer);
    return;
  }
  try {
    storePost(queryClient, await api.get<PostView>(postPath(id)));
  } catch {
    // Gone or no longer readable: the feeds will drop it on their next load.
    void queryClient.invalidateQueries({ queryKey: FEEDS_ROOT });
  }
}

/** A new post: reload the feeds so it appears where it belongs, in the server's order. */
export function refreshFeeds(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: FEEDS_ROOT });
}
