import type { NotificationDelivery, NotificationType } from '@atrium/contracts';
import { type Viewer, viewersWhoSee } from '../../platform/access/people.ts';
import { readersAmong } from '../../platform/access/post-readers.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';
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
      // The post's readers now, by the rule live deliveries use (a hidden post: author and moderators).
      const readers = await readersAmong(
        db,
        post.id,
        viewers.map((v) => v.id),
      );
      viewers = viewers.filter((viewer) => readers.has(viewer.id));
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
