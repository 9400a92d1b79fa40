import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../components/ui/index.ts';
import { dataString, useLiveEvents } from '../../live/index.ts';
import { fetchRecentNotification, useMarkRead } from './api.ts';
import type { AppNotification } from './types.ts';
import { safePath } from './url.ts';

const HIDE_AFTER_MS = 8_000;
const MAX_TOASTS = 3;

/**
 * A toast for each notification the server flags for one (do not disturb and quiet hours turn
 * them off there). Announced politely; each can be dismissed and hides itself after a while,
 * unless the pointer or the focus is on it.
 */
export function NotificationToasts() {
  const [toasts, setToasts] = useState<AppNotification[]>([]);
  const dismiss = (id: string) => setToasts((list) => list.filter((toast) => toast.id !== id));

  useLiveEvents((event) => {
    if (event.name !== 'notification.created' || event.data.toast !== true) return;
    const id = dataString(event.data, 'notificationId');
    if (!id) return;
    fetchRecentNotification(id)
      .then((notification) => {
        if (!notification) return;
        setToasts((list) =>
          [notification, ...list.filter((toast) => toast.id !== notification.id)].slice(0, MAX_TOASTS),
        );
      })
      .catch(() => {});
  });

  return (
    <section className="toasts" aria-label="New notifications">
      <ol className="toast-list" aria-live="polite" aria-relevant="additions">
        {toasts.map((toast) => (
          <Toast key={toast.id} notification={toast} onDismiss={() => dismiss(toast.id)} />
        ))}
      </ol>
    </section>
  );
}

function Toast({ notification, onDismiss }: { notification: AppNotification; onDismiss: () => void }) {
  const markRead = useMarkRead();
  const [held, setHeld] = useState(false);
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;

  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(() => dismissRef.current(), HIDE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [held]);

  const actor = notification.actors[0];
  const path = safePath(notification.url);
  return (
    <li
      className="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      {actor ? <Avatar name={actor.name} src={actor.avatarUrl} size="sm" /> : null}
      <p className="toast-text">
        {path ? (
          <Link
            to={path}
            onClick={() => {
              markRead.mutate(notification);
              onDismiss();
            }}
          >
            {notification.text}
          </Link>
        ) : (
          notification.text
        )}
      </p>
      <button type="button" className="icon-button toast-close" aria-label="Dismiss" onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
