import { type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, enc } from '../../lib/api.ts';
import type { FacetValue, Page } from '../../lib/types.ts';
import type {
  JoinRequest,
  MySpaceInvitation,
  Space,
  SpaceInvitation,
  SpaceMember,
  SpaceSummary,
} from './types.ts';

/** Query keys for everything under /spaces; invalidating `all` refreshes every spaces screen. */
export const spaceKeys = {
  all: ['spaces'] as const,
  list: (filters: Record<string, string>) => ['spaces', 'list', filters] as const,
  categories: ['spaces', 'categories'] as const,
  detail: (handle: string) => ['spaces', 'detail', handle] as const,
  members: (handle: string, q: string) => ['spaces', 'members', handle, q] as const,
  requests: (handle: string) => ['spaces', 'requests', handle] as const,
  invitations: (handle: string) => ['spaces', 'invitations', handle] as const,
  mine: ['spaces', 'my-invitations'] as const,
  admin: (filters: Record<string, string>) => ['admin', 'spaces', filters] as const,
};

export const spacePath = (handle: string, rest = '') => `/api/v1/spaces/${enc(handle)}${rest}`;

export function refreshSpaces(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: spaceKeys.all });
  void queryClient.invalidateQueries({ queryKey: ['admin', 'spaces'] });
}

function infinite<T>(key: readonly unknown[], path: string, query: Record<string, string>, enabled = true) {
  return {
    queryKey: key,
    queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) =>
      api.get<Page<T>>(path, { ...query, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<T>) => last.nextCursor,
    enabled,
  };
}

export interface SpaceFilters {
  q: string;
  category: string;
  audience: string;
  membership: string;
}

export function useSpaceDirectory(filters: SpaceFilters) {
  return useInfiniteQuery({
    ...infinite<SpaceSummary>(spaceKeys.list({ ...filters }), '/api/v1/spaces', { ...filters }),
    placeholderData: (previous) => previous,
  });
}

export function useSpaceCategories() {
  return useQuery({
    queryKey: spaceKeys.categories,
    queryFn: () => api.get<{ items: FacetValue[] }>('/api/v1/spaces/categories'),
    staleTime: 5 * 60_000,
  });
}

export function useSpace(handle: string) {
  return useQuery({
    queryKey: spaceKeys.detail(handle),
    queryFn: () => api.get<Space>(spacePath(handle)),
    retry: false,
  });
}

export function useSpaceMembers(handle: string, q: string, enabled: boolean) {
  return useInfiniteQuery({
    ...infinite<SpaceMember>(spaceKeys.members(handle, q), spacePath(handle, '/members'), { q }, enabled),
    placeholderData: (previous) => previous,
  });
}

export function useJoinRequests(handle: string, enabled: boolean) {
  return useInfiniteQuery(
    infinite<JoinRequest>(
      spaceKeys.requests(handle),
      spacePath(handle, '/join-requests'),
      { status: 'pending' },
      enabled,
    ),
  );
}

export function useSpaceInvitations(handle: string, enabled: boolean) {
  return useInfiniteQuery(
    infinite<SpaceInvitation>(
      spaceKeys.invitations(handle),
      spacePath(handle, '/invitations'),
      { status: 'pending' },
      enabled,
    ),
  );
}

export function useMySpaceInvitations() {
  return useQuery({
    queryKey: spaceKeys.mine,
    queryFn: () => api.get<{ items: MySpaceInvitation[] }>('/api/v1/me/space-invitations'),
  });
}
