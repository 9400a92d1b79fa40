import { type InfiniteData, type QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import { api, enc } from '../../../lib/api.ts';
import type { Page } from '../../../lib/types.ts';
import { postKeys, postPath, refreshPost } from '../api.ts';
import type { CommentView } from '../types.ts';

export const commentPath = (id: string, rest = '') => `/api/v1/comments/${enc(id)}${rest}`;

/** Top-level comments, oldest first, each with two levels of replies. */
export function useComments(postId: string) {
  return useInfiniteQuery({
    queryKey: postKeys.comments(postId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CommentView>>(postPath(postId, '/comments'), { cursor: pageParam, limit: 25 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** "Continue thread": the replies after those included in the thread (from `after`, or from the start). */
export function useReplies(commentId: string, after: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: postKeys.replies(commentId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CommentView>>(
        commentPath(commentId, '/replies'),
        { cursor: pageParam, limit: 25 },
        signal,
      ),
    initialPageParam: after,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

type CommentPages = InfiniteData<Page<CommentView>, string | null>;

function patchTree(
  list: CommentView[],
  id: string,
  patch: (comment: CommentView) => CommentView,
): CommentView[] {
  return list.map((comment) =>
    comment.id === id
      ? patch(comment)
      : comment.replies.length > 0
        ? { ...comment, replies: patchTree(comment.replies, id, patch) }
        : comment,
  );
}

/** Applies a change to one comment wherever it is shown (its thread, or a continued thread). */
export function patchComment(
  queryClient: QueryClient,
  id: string,
  patch: (comment: CommentView) => CommentView,
): void {
  const update = (data: CommentPages | undefined) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: patchTree(page.items, id, patch) })) }
      : data;
  queryClient.setQueriesData<CommentPages>({ queryKey: ['posts', 'comments'] }, update);
  queryClient.setQueriesData<CommentPages>({ queryKey: ['posts', 'replies'] }, update);
}

/** Puts the server's copy of a comment in place, keeping the replies already loaded under it. */
export function storeComment(queryClient: QueryClient, fresh: CommentView): void {
  patchComment(queryClient, fresh.id, (old) => ({ ...fresh, replies: old.replies }));
}

/** After a new comment or a deletion: reload the threads and the post's comment count. */
export function refreshThreads(queryClient: QueryClient, postId: string): void {
  void queryClient.invalidateQueries({ queryKey: postKeys.comments(postId) });
  void queryClient.invalidateQueries({ queryKey: ['posts', 'replies'] });
  void refreshPost(queryClient, postId);
}
