import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvents } from '../../live/index.ts';
import { notificationKeys } from './api.ts';

/** The unread badge and the notification center follow notification.created / notification.read events. */
export function useNotificationLiveSync(): void {
  const queryClient = useQueryClient();
  useLiveEvents((event) => {
    if (event.name !== 'notification.created' && event.name !== 'notification.read') return;
    const unread = event.data.unreadCount;
    if (typeof unread === 'number' && Number.isInteger(unread) && unread >= 0) {
      queryClient.setQueryData(notificationKeys.unread, { unread });
    } else {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.unread });
    }
    void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
  });
}
