import type { NotificationType } from '@atrium/contracts';
import { type Viewer, visiblePeopleFilter } from '../../platform/access/people.ts';
import { visibleSpacesFilter } from '../../platform/access/spaces.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { NotificationsTable } from '../../platform/db/schema-live.ts';
import { type PersonSummary, presentSummary } from '../people/people.presenter.ts';
import { parseActorIds } from './commands/notify.ts';
import { shownNotificationsFilter } from './notification-access.ts';
import {
  commentIdOf,
  type PresentedNotification,
  plainTextOf,
  presentNotification,
} from './notifications.presenter.ts';

/**
 * The recipient's notifications among `ids` that they may still be shown (`shownNotificationsFilter`:
 * a post they can no longer read hides the notification entirely), presented with only the actors they
 * may see, in the order of `ids`. Other people's notifications are never returned. Used by the API and
 * the emails alike.
 */
export async function readableNotifications(
  db: Executor,
  recipient: Viewer,
  ids: string[],
): Promise<PresentedNotification[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_id', '=', recipient.id)
    .where('id', 'in', ids)
    .where(shownNotificationsFilter(db, recipient))
    .execute();
  const order = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return presentNotifications(db, recipient, rows);
}

export interface NotificationListFilters {
  unreadOnly: boolean;
  type: NotificationType | undefined;
  /** Keyset: the (updated_at, id) of the last notification of the previous page. */
  after: { updatedAt: string; id: string } | undefined;
  limit: number;
}

/** A page of the viewer's notifications, most recently updated first; limit+1 rows. */
export function listNotifications(db: Executor, viewer: Viewer, f: NotificationListFilters) {
  let query = db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_id', '=', viewer.id)
    .where(shownNotificationsFilter(db, viewer));
  if (f.unreadOnly) query = query.where('read_at', 'is', null);
  if (f.type !== undefined) query = query.where('type', '=', f.type);
  const { after } = f;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('updated_at', '<', after.updatedAt),
        eb.and([eb('updated_at', '=', after.updatedAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  return query
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Unread notifications the viewer may be shown: the badge, never counting what the list would omit. */
export async function unreadCount(db: Executor, viewer: Viewer): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient_id', '=', viewer.id)
    .where('read_at', 'is', null)
    .where(shownNotificationsFilter(db, viewer))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Presents notifications already known to be shown to the viewer, with a fixed number of queries: the
 * actors the viewer may see, the spaces they may see (an invitation's space always), and the bodies of
 * the posts and live comments the excerpts come from.
 */
export async function presentNotifications(
  db: Executor,
  viewer: Viewer,
  rows: readonly NotificationsTable[],
): Promise<PresentedNotification[]> {
  if (rows.length === 0) return [];
  const actorIds = [...new Set(rows.flatMap((row) => parseActorIds(row.actor_ids)))];
  const postIds = [...new Set(rows.flatMap((row) => (row.post_id === null ? [] : [row.post_id])))];
  const commentIds = [...new Set(rows.flatMap((row) => commentIdOf(row) ?? []))];
  const spaceIds = [...new Set(rows.flatMap((row) => (row.space_id === null ? [] : [row.space_id])))];
  const invitationSpaceIds = [
    ...new Set(rows.flatMap((row) => (row.type === 'invitation' && row.space_id ? [row.space_id] : []))),
  ];
  const [people, posts, comments, spaces, invitationSpaces] = await Promise.all([
    actorIds.length === 0
      ? []
      : db
          .selectFrom('people')
          .selectAll('people')
          .where('people.id', 'in', actorIds)
          .where(visiblePeopleFilter(viewer))
          .execute(),
    postIds.length === 0
      ? []
      : db.selectFrom('posts').select(['id', 'body_html']).where('id', 'in', postIds).execute(),
    commentIds.length === 0
      ? []
      : db
          .selectFrom('comments')
          .select(['id', 'body_html', 'author_id', 'hidden_at'])
          .where('id', 'in', commentIds)
          .where('deleted_at', 'is', null)
          .execute(),
    spaceIds.length === 0
      ? []
      : db
          .selectFrom('spaces')
          .select(['spaces.id', 'spaces.name', 'spaces.handle'])
          .where('spaces.id', 'in', spaceIds)
          .where(visibleSpacesFilter(db, viewer))
          .execute(),
    invitationSpaceIds.length === 0
      ? []
      : db
          .selectFrom('spaces')
          .select(['id', 'name', 'handle'])
          .where('id', 'in', invitationSpaceIds)
          .execute(),
  ]);
  const personById = new Map<string, PersonSummary>(people.map((p) => [p.id, presentSummary(p)]));
  const postBody = new Map(posts.map((p) => [p.id, p.body_html]));
  // A hidden comment's body goes only to its author; others get the post's excerpt instead.
  const commentBody = new Map(
    comments.filter((c) => c.hidden_at === null || c.author_id === viewer.id).map((c) => [c.id, c.body_html]),
  );
  const spaceById = new Map([...invitationSpaces, ...spaces].map((s) => [s.id, s]));
  return rows.map((row) => {
    const actors = parseActorIds(row.actor_ids).flatMap((id) => personById.get(id) ?? []);
    const commentId = commentIdOf(row);
    const html =
      (commentId === undefined ? undefined : commentBody.get(commentId)) ??
      (row.post_id === null ? undefined : postBody.get(row.post_id));
    return presentNotification(row, {
      actors,
      space: row.space_id === null ? undefined : spaceById.get(row.space_id),
      body: html === undefined ? undefined : plainTextOf(html),
    });
  });
}
