import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { FEEDS_ROOT, patchPost, postKeys, postPath, refreshPost } from './api.ts';
import type { SharedPostView } from './types.ts';

/** The one-click changes to a post: bookmark, pin, hide, delete. Each updates every view of the post. */
export function usePostActions(post: SharedPostView) {
  const queryClient = useQueryClient();
  const id = post.id;
  const reload = (answer?: unknown) => refreshPost(queryClient, id, answer);

  const bookmark = useMutation({
    mutationFn: (on: boolean) =>
      on ? api.put<unknown>(postPath(id, '/bookmark')) : api.delete(postPath(id, '/bookmark')),
    onMutate: (on) => patchPost(queryClient, id, () => ({ bookmarked: on })),
    onError: (_error, on) => patchPost(queryClient, id, () => ({ bookmarked: !on })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [...FEEDS_ROOT, 'bookmarks'] }),
  });

  const pin = useMutation({
    mutationFn: (on: boolean) =>
      on ? api.put<unknown>(postPath(id, '/pin')) : api.delete(postPath(id, '/pin')),
    onSuccess: async (answer) => {
      await reload(answer);
      // Pinned posts lead the space feed: reload it in the server's order.
      void queryClient.invalidateQueries({ queryKey: [...FEEDS_ROOT, 'space'] });
    },
  });

  const hide = useMutation({
    mutationFn: (reason: string | null) =>
      reason === null
        ? api.delete(postPath(id, '/hidden'))
        : api.put<unknown>(postPath(id, '/hidden'), { reason }),
    onSuccess: (answer) => reload(answer),
  });

  const remove = useMutation({
    mutationFn: () => api.delete(postPath(id)),
    onSuccess: () => {
      patchPost(queryClient, id, () => null);
      queryClient.removeQueries({ queryKey: postKeys.detail(id) });
    },
  });

  return { bookmark, pin, hide, remove, reload };
}
