import { NavLink } from 'react-router';
import { useUnreadCount } from './api.ts';
import './notifications.css';

/** Over 99 the badge says 99+; the label always has the exact number. */
const badgeText = (unread: number) => (unread > 99 ? '99+' : String(unread));

/** The bell in the header: a link to the notification center with the live unread count. */
export function NotificationBell() {
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <NavLink
      to="/notifications"
      className={({ isActive }) => (isActive ? 'bell active' : 'bell')}
      aria-label={label}
      title={label}
    >
      <svg className="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 3A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.4l-1.7-3V9a6 6 0 0 0-6-6Zm-2.5 15a2.5 2.5 0 0 0 5 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {unread > 0 ? (
        <span className="bell-badge" aria-hidden="true">
          {badgeText(unread)}
        </span>
      ) : null}
    </NavLink>
  );
}
