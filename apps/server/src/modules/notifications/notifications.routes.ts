import { NOTIFICATION_LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { decodeCursor, page } from '../../platform/http/pagination.ts';
import { perActor } from '../../platform/http/rate-limit.ts';
import { IdParams } from '../../platform/http/schema-parts.ts';
import { actorOf } from '../people/route-helpers.ts';
import { markAllNotificationsRead, markNotificationRead } from './commands/mark-read.ts';
import { registerNotificationPreferenceRoutes } from './notification-preferences.routes.ts';
import { listNotifications, presentNotifications, unreadCount } from './notification-reads.ts';
import { NotificationPageSchema, NotificationsQuery, UnreadCountSchema } from './notifications.schema.ts';

const tags = ['notifications'];
export const NOTIFICATION_WRITE_RATE = perActor('notification-write', 240);
const noContent = Type.Null();

/** Keyset position from an (updated_at, id) cursor. */
const afterOf = (cursor: string | undefined) => {
  const key = decodeCursor(cursor, 2);
  return key ? { updatedAt: String(key[0]), id: String(key[1]) } : undefined;
};

/**
 * The notifications module: my notifications (each one shown only while I may still see what it is
 * about), the unread badge, marking read, and my preferences, settings and muted threads.
 */
export function registerNotifications(app: App, ctx: AppContext): void {
  const { db } = ctx;

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications',
    auth: 'user',
    schema: {
      tags,
      summary:
        'My notifications, most recently updated first (status=unread for the unread ones, type to filter)',
      querystring: NotificationsQuery,
      response: { 200: NotificationPageSchema },
    },
    handler: async (request) => {
      const viewer = actorOf(request);
      const limit = request.query.limit ?? NOTIFICATION_LIMITS.pageSize.default;
      const rows = await listNotifications(db, viewer, {
        unreadOnly: request.query.status === 'unread',
        type: request.query.type,
        after: afterOf(request.query.cursor),
        limit,
      });
      const result = page(rows, limit, (row) => [row.updated_at, row.id]);
      return { items: await presentNotifications(db, viewer, result.items), nextCursor: result.nextCursor };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications/unread-count',
    auth: 'user',
    schema: {
      tags,
      summary: 'How many of my notifications are unread (only those I may still be shown)',
      response: { 200: UnreadCountSchema },
    },
    handler: async (request) => ({ unread: await unreadCount(db, actorOf(request)) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    auth: 'user',
    rateLimit: NOTIFICATION_WRITE_RATE,
    schema: {
      tags,
      summary: 'Mark one of my notifications read (idempotent)',
      params: IdParams,
      response: { 204: noContent },
    },
    handler: async (request, reply) => {
      await markNotificationRead(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    auth: 'user',
    rateLimit: NOTIFICATION_WRITE_RATE,
    schema: {
      tags,
      summary: 'Mark all my notifications read',
      response: { 204: noContent },
    },
    handler: async (request, reply) => {
      await markAllNotificationsRead(ctx, actorOf(request));
      return reply.status(204).send(null);
    },
  });

  registerNotificationPreferenceRoutes(app, ctx);
}
