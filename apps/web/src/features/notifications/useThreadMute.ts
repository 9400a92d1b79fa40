import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../lib/api.ts';
import { postPath } from '../posts/api.ts';

const mutedKey = (postId: string) => ['posts', 'muted', postId] as const;

/**
 * Whether I muted the thread of a post (only mentions in it still notify me), and the switch. The
 * state is what the post says when it says it, then what the last switch answered.
 */
export function useThreadMute(postId: string, initial: boolean | undefined) {
  const queryClient = useQueryClient();
  const key = mutedKey(postId);
  const state = useQuery({
    queryKey: key,
    queryFn: () => queryClient.getQueryData<boolean>(key) ?? initial ?? false,
    initialData: initial ?? false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // The post detail says whether the thread is muted (feeds do not): what it says wins.
  useEffect(() => {
    if (initial !== undefined) queryClient.setQueryData(mutedKey(postId), initial);
  }, [initial, postId, queryClient]);
  const toggle = useMutation({
    mutationFn: (muted: boolean) =>
      muted
        ? api.put<{ muted: boolean }>(postPath(postId, '/mute'))
        : api.delete<{ muted: boolean }>(postPath(postId, '/mute')),
    onSuccess: (answer) => queryClient.setQueryData(key, answer.muted),
  });
  return { muted: state.data, toggle };
}
