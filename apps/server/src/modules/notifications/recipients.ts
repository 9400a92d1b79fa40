import type { NotificationDelivery, NotificationType } from '@atrium/contracts';
import { type Viewer, viewersWhoSee } from '../../platform/access/people.ts';
import { canModeratePost, canReadPost } from '../../platform/access/posts.ts';
import type { Membership } from '../../platform/access/spaces.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';
import { findSpaceById } from '../spaces/spaces.repository.ts';
import { deliveriesFor } from './preferences.ts';

const CHUNK = 1000;

/** What a notification is about, as far as deciding who gets it goes. */
export interface NotificationAbout {
  type: NotificationType;
  /** Who caused it; null for notifications nobody caused (a poll closing). */
  actorId: string | null;
  /** The post it is about: only readers of it now are notified. */
  post?: PostsTable | undefined;
  /** The space whose per-space preference applies (the post's space when there is a post). */
  spaceId?: string | null | undefined;
  /**
   * Whether the recipient must see the actor (default true). An invitation is addressed to its invitee,
   * who finds it in their invitations whoever sent it, so it does not need to.
   */
  actorMustBeVisible?: boolean;
}

export interface Recipient {
  id: string;
  delivery: NotificationDelivery;
}

/**
 * Who among the candidates gets a notification, in a fixed number of queries per chunk of candidates:
 * never the actor; active people only; for a post, those who may read it now (a hidden one: its author
 * and moderators); those who may see the actor; not those whose preference for the type (in the space)
 * is 'off'; and, except for mentions, not those who muted the post's thread.
 */
export async function eligibleRecipients(
  db: Executor,
  about: NotificationAbout,
  candidateIds: readonly string[],
): Promise<Recipient[]> {
  const { post } = about;
  if (post && post.deleted_at !== null) return [];
  const ids = [...new Set(candidateIds)].filter((id) => id !== about.actorId);
  if (ids.length === 0) return [];
  const space = post?.space_id ? await findSpaceById(db, post.space_id) : undefined;
  const spaceId = post ? post.space_id : (about.spaceId ?? null);
  const result: Recipient[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    let viewers: Viewer[] = await db
      .selectFrom('people')
      .select(['id', 'kind', 'role'])
      .where('id', 'in', chunk)
      .where('status', '=', 'active')
      .execute();
    if (post) {
      const memberships = await membershipsIn(db, post.space_id, viewers);
      viewers = viewers.filter((viewer) => mayReadNow(viewer, post, space, memberships.get(viewer.id)));
      if (about.type !== 'mention') viewers = await withoutMutes(db, post.id, viewers);
    }
    if (about.actorId !== null && about.actorMustBeVisible !== false) {
      const seeing = await viewersWhoSee(db, viewers, { id: about.actorId });
      viewers = viewers.filter((viewer) => seeing.has(viewer.id));
    }
    const deliveries = await deliveriesFor(
      db,
      viewers.map((v) => v.id),
      about.type,
      spaceId,
    );
    for (const viewer of viewers) {
      const delivery = deliveries.get(viewer.id);
      if (delivery !== undefined && delivery !== 'off') result.push({ id: viewer.id, delivery });
    }
  }
  return result;
}

/** `loadReadablePost`'s rule for people other than the viewer: a hidden post only for its author and moderators. */
function mayReadNow(
  viewer: Viewer,
  post: PostsTable,
  space: Parameters<typeof canReadPost>[2],
  membership: Membership | undefined,
): boolean {
  if (!canReadPost(viewer, post, space, membership)) return false;
  return post.hidden_at === null || post.author_id === viewer.id || canModeratePost(viewer, post, membership);
}

async function membershipsIn(
  db: Executor,
  spaceId: string | null,
  viewers: readonly Viewer[],
): Promise<Map<string, Membership>> {
  if (spaceId === null || viewers.length === 0) return new Map();
  const rows = await db
    .selectFrom('space_members')
    .select(['person_id', 'role'])
    .where('space_id', '=', spaceId)
    .where(
      'person_id',
      'in',
      viewers.map((v) => v.id),
    )
    .execute();
  return new Map(rows.map((row) => [row.person_id, { role: row.role }]));
}

async function withoutMutes(db: Executor, postId: string, viewers: Viewer[]): Promise<Viewer[]> {
  if (viewers.length === 0) return viewers;
  const muted = await db
    .selectFrom('thread_mutes')
    .select('person_id')
    .where('post_id', '=', postId)
    .where(
      'person_id',
      'in',
      viewers.map((v) => v.id),
    )
    .execute();
  const mutedIds = new Set(muted.map((row) => row.person_id));
  return viewers.filter((viewer) => !mutedIds.has(viewer.id));
}
