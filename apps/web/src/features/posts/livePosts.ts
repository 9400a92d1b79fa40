import { type InfiniteData, type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { dataString, type LiveEvent, useLiveEvents } from '../../live/index.ts';
import { FEEDS_ROOT, type FeedPage, patchPost, postKeys, refreshPost } from './api.ts';
import { isUnavailable, type PostView } from './types.ts';

/** Events after which a post shown on screen is reloaded (counts, poll results, body). */
const REFRESHES_POST = new Set<string>([
  'post.updated',
  'poll.updated',
  'reaction.changed',
  'comment.created',
  'comment.deleted',
]);
/** Several events about one post in a burst (a popular post's reactions) cost one reload. */
const COALESCE_MS = 300;

function showsPost(post: PostView, id: string): boolean {
  if (post.id === id) return true;
  const shared = post.sharedPost;
  return Boolean(shared && !isUnavailable(shared) && shared.id === id);
}

/** True when the post is in a loaded feed or its detail view (nothing to refresh otherwise). */
export function isPostCached(queryClient: QueryClient, id: string): boolean {
  if (queryClient.getQueryData(postKeys.detail(id))) return true;
  return queryClient
    .getQueriesData<InfiniteData<FeedPage>>({ queryKey: FEEDS_ROOT })
    .some(([, data]) =>
      data?.pages?.some(
        (page) =>
          page.items.some((post) => showsPost(post, id)) ||
          (page.pinned ?? []).some((post) => showsPost(post, id)),
      ),
    );
}

const onComment = (event: LiveEvent) =>
  event.name === 'reaction.changed' && dataString(event.data, 'subjectType') === 'comment';

function touchesComments(event: LiveEvent): boolean {
  return event.name.startsWith('comment.') || onComment(event);
}

/**
 * Keeps posts on screen current as live events arrive: edits, deletes, comments, reactions and poll
 * results update the cards and the detail view in place. The events carry ids only; the content is
 * fetched through the API, which applies the access model.
 */
export function usePostLiveSync(): void {
  const queryClient = useQueryClient();
  const timers = useRef(new Map<string, number>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
      pending.clear();
    };
  }, []);

  useLiveEvents((event) => {
    const postId = dataString(event.data, 'postId');
    if (!postId) return;
    if (event.name === 'post.deleted') {
      patchPost(queryClient, postId, () => null);
      void queryClient.invalidateQueries({ queryKey: postKeys.detail(postId) });
      return;
    }
    if (touchesComments(event)) {
      void queryClient.invalidateQueries({ queryKey: postKeys.comments(postId) });
      void queryClient.invalidateQueries({ queryKey: ['posts', 'replies'] });
    }
    const refreshes = REFRESHES_POST.has(event.name) && !onComment(event);
    if (!refreshes || timers.current.has(postId) || !isPostCached(queryClient, postId)) return;
    timers.current.set(
      postId,
      window.setTimeout(() => {
        timers.current.delete(postId);
        void refreshPost(queryClient, postId);
      }, COALESCE_MS),
    );
  });
}
