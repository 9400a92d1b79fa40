import type { AppContext } from '../../platform/context.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';
import type { StoredEvent } from '../../platform/events/outbox.ts';
import { findPost } from '../posts/posts.repository.ts';
import { type NotificationDraft, notifyAll } from './commands/notify.ts';
import { eligibleRecipients, type NotificationAbout, type Recipient } from './recipients.ts';

/**
 * Notifies those of the candidates the recipient rules admit (`eligibleRecipients`), one draft each.
 * Returns who was notified, so a handler can leave them out of a later, weaker notification.
 */
export async function notifyEligible(
  ctx: AppContext,
  about: NotificationAbout,
  candidateIds: readonly string[],
  draftFor: (recipient: Recipient) => NotificationDraft,
): Promise<string[]> {
  const recipients = await eligibleRecipients(ctx.db, about, candidateIds);
  await notifyAll(ctx, recipients.map(draftFor));
  return recipients.map((r) => r.id);
}

/** A live (not deleted) post, or undefined: nothing is said about a post that is gone. */
export async function livePost(ctx: AppContext, id: unknown): Promise<PostsTable | undefined> {
  if (typeof id !== 'string') return undefined;
  const post = await findPost(ctx.db, id);
  return post && post.deleted_at === null ? post : undefined;
}

/** The string ids in an event payload's list (older events may lack it). */
export function idsIn(event: StoredEvent, field: string): string[] {
  const value = event.payload[field];
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** The fields every draft about a post shares. */
export const aboutPost = (post: PostsTable) => ({ postId: post.id, spaceId: post.space_id });
