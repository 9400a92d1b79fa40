import { expect } from 'vitest';
import { call } from '../people/helpers.ts';
import type { Session } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';

export { call };

export interface NotificationView {
  id: string;
  type: string;
  createdAt: string;
  updatedAt: string;
  readAt: string | null;
  actors: Array<{ id: string; name: string; handle: string }>;
  actorCount: number;
  text: string;
  url: string;
  excerpt: string | null;
  space: { id: string; name: string } | null;
  postId: string | null;
}

/** My notifications through the API (first page of up to 100), after delivering pending events. */
export async function inbox(app: TestApp, who: Session, query = ''): Promise<NotificationView[]> {
  await app.drainEvents();
  const res = await call(app, who, 'GET', `/api/v1/notifications?limit=100${query ? `&${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: NotificationView[] }).items;
}

export async function unread(app: TestApp, who: Session): Promise<number> {
  await app.drainEvents();
  const res = await call(app, who, 'GET', '/api/v1/notifications/unread-count');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { unread: number }).unread;
}

/** Creates a post through the API; fails loudly on anything but 201. */
export async function post(
  app: TestApp,
  who: Session,
  body: Record<string, unknown>,
): Promise<{ id: string; [key: string]: unknown }> {
  const res = await call(app, who, 'POST', '/api/v1/posts', { target: { type: 'company' }, ...body });
  if (res.statusCode !== 201) throw new Error(`post failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Expects a 2xx answer and returns it. */
export async function ok(promise: ReturnType<typeof call>) {
  const res = await promise;
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

/** Rows of the notifications table for a recipient (for checks below the API). */
export function rowsFor(app: TestApp, recipientId: string) {
  return app.ctx.db.selectFrom('notifications').selectAll().where('recipient_id', '=', recipientId).execute();
}
