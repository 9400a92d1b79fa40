import { Link } from 'react-router';
import { Alert, Avatar, Button } from '../../components/ui/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { useMarkRead } from './api.ts';
import { actorsLabel } from './labels.ts';
import type { AppNotification } from './types.ts';
import { safePath } from './url.ts';

/** Up to three faces; the names are in the sentence next to them. */
function ActorAvatars({ notification }: { notification: AppNotification }) {
  const { actors, actorCount } = notification;
  if (actors.length === 0) return <span className="notification-avatars is-empty" aria-hidden="true" />;
  return (
    <span
      className="notification-avatars"
      role="img"
      aria-label={actorsLabel(
        actors.map((actor) => actor.name),
        actorCount,
      )}
    >
      {actors.map((actor) => (
        <Avatar key={actor.id} name={actor.name} src={actor.avatarUrl} size="sm" />
      ))}
    </span>
  );
}

/** One notification: who, what (a link that also marks it read), where and when. */
export function NotificationItem({ notification }: { notification: AppNotification }) {
  const markRead = useMarkRead();
  const unread = notification.readAt === null;
  const path = safePath(notification.url);
  const open = () => {
    if (unread) markRead.mutate(notification);
  };
  return (
    <li className={unread ? 'notification is-unread' : 'notification'}>
      <ActorAvatars notification={notification} />
      <div className="notification-body">
        <p className="notification-text">
          {unread ? (
            <>
              <span className="unread-dot" aria-hidden="true" />
              <span className="visually-hidden">Unread: </span>
            </>
          ) : null}
          {path ? (
            <Link to={path} onClick={open}>
              {notification.text}
            </Link>
          ) : (
            notification.text
          )}
        </p>
        {notification.excerpt ? <p className="notification-excerpt">{notification.excerpt}</p> : null}
        <p className="notification-meta muted">
          <time dateTime={notification.updatedAt} title={formatDateTime(notification.updatedAt)}>
            {formatRelative(notification.updatedAt)}
          </time>
          {notification.space ? ` · ${notification.space.name}` : null}
        </p>
        {markRead.isError ? <Alert tone="danger">{errorMessage(markRead.error)}</Alert> : null}
      </div>
      {unread ? (
        <Button
          size="sm"
          variant="ghost"
          className="notification-mark"
          onClick={open}
          loading={markRead.isPending}
          aria-label={`Mark read: ${notification.text}`}
        >
          Mark read
        </Button>
      ) : null}
    </li>
  );
}
