import { useQuery } from '@tanstack/react-query';
import { api, enc } from '../../lib/api.ts';

export interface Topic {
  name: string;
  postCount: number;
  followedByMe: boolean;
  /** Muted topics stay out of my home feed. */
  mutedByMe: boolean;
}

export const topicKeys = {
  detail: (name: string) => ['topics', 'detail', name] as const,
};

export const topicPath = (name: string, rest = '') => `/api/v1/topics/${enc(name)}${rest}`;

export function useTopic(name: string) {
  return useQuery({
    queryKey: topicKeys.detail(name),
    queryFn: ({ signal }) => api.get<Topic>(topicPath(name), undefined, signal),
    retry: false,
  });
}
