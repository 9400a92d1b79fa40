import { NOTIFICATION_TYPES, type NotificationType } from '@atrium/contracts';
import { useSearchParams } from 'react-router';
import { Alert, Button, ButtonLink, EmptyState, PagedResults, Select } from '../../components/ui/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { useInfiniteScroll } from '../feeds/useInfiniteScroll.ts';
import { useMarkAllRead, useNotifications, useUnreadCount } from './api.ts';
import { TYPE_LABELS } from './labels.ts';
import { NotificationItem } from './NotificationItem.tsx';
import type { NotificationFilters } from './types.ts';
import './notifications.css';

const isType = (value: string): value is NotificationType =>
  (NOTIFICATION_TYPES as readonly string[]).includes(value);

const TYPE_OPTIONS = [
  { value: '', label: 'All types' },
  ...NOTIFICATION_TYPES.map((type) => ({ value: type, label: TYPE_LABELS[type].label })),
];

/** The filters live in the URL (?status=unread&type=mention): reload and shared links show the same list. */
function useNotificationFilters() {
  const [params, setParams] = useSearchParams();
  const rawType = params.get('type') ?? '';
  const filters: NotificationFilters = {
    status: params.get('status') === 'unread' ? 'unread' : 'all',
    type: isType(rawType) ? rawType : '',
  };
  const update = (changes: Partial<NotificationFilters>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [name, value] of Object.entries(changes)) {
        if (value && value !== 'all') next.set(name, value);
        else next.delete(name);
      }
      return next;
    });
  return { filters, update };
}

/** /notifications: what happened, newest first, with filters, mark read and "Mark all read". */
export function NotificationsPage() {
  const unread = useUnreadCount().data?.unread ?? 0;
  useDocumentTitle(unread > 0 ? `Notifications (${unread})` : 'Notifications');
  const { filters, update } = useNotificationFilters();
  const list = useNotifications(filters);
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const sentinel = useInfiniteScroll<HTMLDivElement>(list, list.data?.pages.length ?? 0);
  const filtered = filters.status === 'unread' || filters.type !== '';

  return (
    <div className="notifications-page">
      <header className="page-header">
        <div>
          <h1>Notifications</h1>
          <p className="muted">{unread > 0 ? `${unread} unread` : 'You are all caught up.'}</p>
        </div>
        <div className="row">
          <Button
            variant="secondary"
            onClick={() => markAll.mutate()}
            loading={markAll.isPending}
            disabled={unread === 0}
          >
            Mark all read
          </Button>
          <ButtonLink to="/settings#notifications" variant="ghost">
            Notification settings
          </ButtonLink>
        </div>
      </header>
      {markAll.isError ? <Alert tone="danger">{errorMessage(markAll.error)}</Alert> : null}
      <search className="notification-filters">
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          {(['all', 'unread'] as const).map((status) => (
            <Button
              key={status}
              size="sm"
              variant={filters.status === status ? 'primary' : 'secondary'}
              aria-pressed={filters.status === status}
              onClick={() => update({ status })}
            >
              {status === 'all' ? 'All' : 'Unread'}
            </Button>
          ))}
        </fieldset>
        <Select
          label="Type"
          value={filters.type}
          options={TYPE_OPTIONS}
          onChange={(event) => update({ type: isType(event.target.value) ? event.target.value : '' })}
        />
      </search>
      <PagedResults
        label="Notifications"
        query={list}
        count={items.length}
        loadingLabel="Loading notifications…"
        errorTitle="Could not load your notifications"
        empty={
          <EmptyState title={filtered ? 'No notifications match' : 'No notifications yet'}>
            {filtered
              ? 'Try all types, or show read ones too.'
              : 'Mentions, replies, reactions and more appear here.'}
          </EmptyState>
        }
        total={plural(items.length, 'notification')}
      >
        <ol className="notification-list">
          {items.map((item) => (
            <NotificationItem key={item.id} notification={item} />
          ))}
        </ol>
        <div ref={sentinel} className="feed-sentinel" aria-hidden="true" />
      </PagedResults>
    </div>
  );
}
