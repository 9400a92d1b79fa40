import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, enc } from '../../lib/api.ts';
import type { Page } from '../../lib/types.ts';
import type { AppNotification, NotificationFilters } from './types.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  lists: ['notifications', 'list'] as const,
  list: (filters: NotificationFilters) => ['notifications', 'list', filters] as const,
  preferences: ['me', 'notification-preferences'] as const,
  settings: ['me', 'notification-settings'] as const,
};

const BASE = '/api/v1/notifications';

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<{ unread: number }>(`${BASE}/unread-count`, undefined, signal),
    staleTime: 60_000,
  });
}

export function useNotifications(filters: NotificationFilters) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AppNotification>>(
        BASE,
        { status: filters.status, type: filters.type, cursor: pageParam, limit: 25 },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

type NotificationPages = InfiniteData<Page<AppNotification>, string | null>;

/** Marks notifications read in every loaded list (all of them when `ids` is null). */
function markLoadedRead(queryClient: QueryClient, ids: ReadonlySet<string> | null): void {
  const now = new Date().toISOString();
  queryClient.setQueriesData<NotificationPages>({ queryKey: notificationKeys.lists }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) =>
              item.readAt === null && (ids === null || ids.has(item.id)) ? { ...item, readAt: now } : item,
            ),
          })),
        }
      : data,
  );
}

/** The count and the lists follow the server once a change is done (the live event may come first). */
function settle(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notification: AppNotification) => api.post<void>(`${BASE}/${enc(notification.id)}/read`),
    onMutate: (notification) => {
      if (notification.readAt !== null) return;
      markLoadedRead(queryClient, new Set([notification.id]));
      queryClient.setQueryData<{ unread: number }>(notificationKeys.unread, (old) =>
        old ? { unread: Math.max(0, old.unread - 1) } : old,
      );
    },
    onSettled: () => settle(queryClient),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(`${BASE}/read-all`),
    onSuccess: () => {
      markLoadedRead(queryClient, null);
      queryClient.setQueryData(notificationKeys.unread, { unread: 0 });
    },
    onSettled: () => settle(queryClient),
  });
}

/** The first notification with this id among the newest ones (for a toast), or null. */
export async function fetchRecentNotification(id: string): Promise<AppNotification | null> {
  const page = await api.get<Page<AppNotification>>(BASE, { status: 'unread', limit: 10 });
  return page.items.find((item) => item.id === id) ?? null;
}
