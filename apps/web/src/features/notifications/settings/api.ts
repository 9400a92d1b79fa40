import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { queryKeys } from '../../../lib/queryKeys.ts';
import { notificationKeys } from '../api.ts';
import type {
  NotificationDelivery,
  NotificationPreferences,
  NotificationSettings,
  NotificationType,
} from '../types.ts';

const PREFERENCES = '/api/v1/me/notification-preferences';
const SETTINGS = '/api/v1/me/notification-settings';

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => api.get<NotificationPreferences>(PREFERENCES, undefined, signal),
  });
}

export interface PreferenceChange {
  type: NotificationType;
  /** null removes it (a space override, or back to the type's default). */
  delivery: NotificationDelivery | null;
  spaceId?: string;
}

/** One change at a time; the answer is the whole set of preferences. */
export function useSetPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PreferenceChange) => api.put<NotificationPreferences>(PREFERENCES, change),
    onSuccess: (preferences) => queryClient.setQueryData(notificationKeys.preferences, preferences),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: ({ signal }) => api.get<NotificationSettings>(SETTINGS, undefined, signal),
  });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: NotificationSettings) => api.put<NotificationSettings>(SETTINGS, settings),
    onSuccess: (settings) => {
      queryClient.setQueryData(notificationKeys.settings, settings);
      // The time zone is also the one on my profile.
      void queryClient.invalidateQueries({ queryKey: queryKeys.people.all });
    },
  });
}
