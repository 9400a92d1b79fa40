import { useNotificationLiveSync } from '../features/notifications/liveNotifications.ts';
import { NotificationToasts } from '../features/notifications/NotificationToasts.tsx';
import { usePostLiveSync } from '../features/posts/livePosts.ts';
import { usePresenceLiveSync } from '../features/presence/livePresence.ts';
import { ConnectionStatus } from '../live/index.ts';

/** What the live connection changes everywhere in the signed-in app, and how it shows itself. */
export function LiveLayer() {
  usePostLiveSync();
  useNotificationLiveSync();
  usePresenceLiveSync();
  return (
    <>
      <ConnectionStatus />
      <NotificationToasts />
    </>
  );
}
