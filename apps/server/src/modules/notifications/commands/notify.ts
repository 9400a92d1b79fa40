import type { NotificationType } from '@atrium/contracts';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { NotificationsTable } from '../../../platform/db/schema-live.ts';
import { newId } from '../../../platform/db/time.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';
import type { EventInput } from '../../../platform/events/outbox.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';

/** Actor ids kept on a grouped notification (newest first); `actor_count` goes on counting. */
export const MAX_KEPT_ACTORS = 10;
/** Source events remembered on a grouped notification, so a redelivered one folds in only once. */
export const MAX_KEPT_SOURCE_EVENTS = 20;
/**
 * The types whose notifications fold while unread. Reading one closes its group; every other type keeps
 * its per-source-event key for good, so a redelivered event finds it and is ignored even once read.
 */
export const GROUPED_TYPES = ['reply', 'reaction'] as const satisfies readonly NotificationType[];
const ATTEMPTS = 3;
const CHUNK = 500;

/** One notification to make (or fold into an unread one), for one recipient already found eligible. */
export interface NotificationDraft {
  recipientId: string;
  type: NotificationType;
  actorId: string | null;
  subjectType: NotificationsTable['subject_type'];
  subjectId: string;
  postId: string | null;
  spaceId: string | null;
  /** Ids and enums only (e.g. { commentId }); never content. */
  data: Record<string, unknown>;
  /**
   * The recipient's unread notifications with the same key are one. A grouped draft (`fold`) adds its
   * actor to it; any other finds it already made (the same event delivered again) and does nothing.
   */
  key: string;
  fold: boolean;
  /** For grouped drafts: a group that started longer ago than this is closed and a new one begins. */
  foldWithinMs?: number;
  /** For grouped drafts: the event it comes from, so the same event delivered again folds in once. */
  sourceEventId?: string;
}

export interface NotifyResult {
  id: string;
  grouped: boolean;
}

const createdEvent = (draft: NotificationDraft, id: string, grouped: boolean): EventInput => ({
  name: 'notification.created',
  actorId: draft.actorId,
  subjectType: 'notification',
  subjectId: id,
  payload: { recipientId: draft.recipientId, notificationId: id, type: draft.type, grouped },
});

/** The draft's data, plus the source events already folded in (newest first) for grouped drafts. */
function dataOf(draft: NotificationDraft, known: readonly string[]): Record<string, unknown> {
  if (draft.sourceEventId === undefined) return draft.data;
  const sourceEvents = [draft.sourceEventId, ...known.filter((id) => id !== draft.sourceEventId)];
  return { ...draft.data, sourceEvents: sourceEvents.slice(0, MAX_KEPT_SOURCE_EVENTS) };
}

const rowOf = (draft: NotificationDraft, now: string): NotificationsTable => ({
  id: newId(),
  recipient_id: draft.recipientId,
  type: draft.type,
  open_group: draft.key,
  subject_type: draft.subjectType,
  subject_id: draft.subjectId,
  post_id: draft.postId,
  space_id: draft.spaceId,
  actor_ids: JSON.stringify(draft.actorId === null ? [] : [draft.actorId]),
  actor_count: draft.actorId === null ? 0 : 1,
  data: JSON.stringify(dataOf(draft, [])),
  created_at: now,
  updated_at: now,
  read_at: null,
  emailed_at: null,
  digested_at: null,
});

/**
 * Makes one notification, or folds it into the recipient's unread one with the same key, in one
 * transaction that also records `notification.created`. Two writers racing on one key meet at the unique
 * index on (recipient_id, open_group): the loser retries and folds into the winner's row. Null when the
 * draft was a repeat of a notification already made.
 */
export async function notify(ctx: AppContext, draft: NotificationDraft): Promise<NotifyResult | null> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await inTransaction(ctx, (trx) => writeDraft(ctx, trx, draft));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function writeDraft(
  ctx: AppContext,
  trx: Transaction<DB>,
  draft: NotificationDraft,
): Promise<NotifyResult | null> {
  const now = new Date();
  const nowIso = now.toISOString();
  let query = trx
    .selectFrom('notifications')
    .select(['id', 'actor_ids', 'actor_count', 'created_at', 'data'])
    .where('recipient_id', '=', draft.recipientId)
    .where('open_group', '=', draft.key);
  // Folding reads and rewrites the actor list: on PostgreSQL the row is locked so no actor is lost.
  if (ctx.dialect === 'postgres') query = query.forUpdate();
  const open = await query.executeTakeFirst();
  if (open && !draft.fold) return null;
  if (draft.fold && (await alreadyFolded(trx, draft))) return null;
  if (open) {
    const expired =
      draft.foldWithinMs !== undefined && Date.parse(open.created_at) < now.getTime() - draft.foldWithinMs;
    if (!expired) {
      await trx
        .updateTable('notifications')
        .set({
          ...foldActor(open, draft.actorId),
          subject_type: draft.subjectType,
          subject_id: draft.subjectId,
          data: JSON.stringify(dataOf(draft, sourceEventsOf(open.data))),
          updated_at: nowIso,
        })
        .where('id', '=', open.id)
        .execute();
      await ctx.outbox.record(trx, createdEvent(draft, open.id, true));
      return { id: open.id, grouped: true };
    }
    // The batch is over: the old notification stays unread but takes no more actors.
    await trx.updateTable('notifications').set({ open_group: null }).where('id', '=', open.id).execute();
  }
  const row = rowOf(draft, nowIso);
  await trx.insertInto('notifications').values(row).execute();
  await ctx.outbox.record(trx, createdEvent(draft, row.id, false));
  return { id: row.id, grouped: false };
}

/**
 * Whether the draft's source event is already in one of the recipient's notifications about the post,
 * unread or read (reading closes the group, so the key alone no longer finds it).
 */
async function alreadyFolded(trx: Transaction<DB>, draft: NotificationDraft): Promise<boolean> {
  const eventId = draft.sourceEventId;
  if (eventId === undefined) return false;
  let query = trx
    .selectFrom('notifications')
    .select('data')
    .where('recipient_id', '=', draft.recipientId)
    .where('type', '=', draft.type)
    .where('data', 'like', `%${likeSafe(eventId)}%`);
  query =
    draft.postId === null ? query.where('post_id', 'is', null) : query.where('post_id', '=', draft.postId);
  const rows = await query.execute();
  return rows.some((row) => sourceEventsOf(row.data).includes(eventId));
}

/** A LIKE pattern matching at least the value on both dialects: special characters match any one. */
const likeSafe = (value: string) => value.replace(/[\\%_]/g, '_');

function sourceEventsOf(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || !('sourceEvents' in parsed)) return [];
    const ids = parsed.sourceEvents;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** The newest actor goes first (once), the list is capped; only a new distinct actor counts. */
export function foldActor(
  open: Pick<NotificationsTable, 'actor_ids' | 'actor_count'>,
  actorId: string | null,
): Pick<NotificationsTable, 'actor_ids' | 'actor_count'> {
  const kept = parseActorIds(open.actor_ids);
  if (actorId === null) return { actor_ids: open.actor_ids, actor_count: Number(open.actor_count) };
  const known = kept.includes(actorId);
  const actors = [actorId, ...kept.filter((id) => id !== actorId)].slice(0, MAX_KEPT_ACTORS);
  // An actor beyond the kept list may be counted twice: the count is "about this many".
  return { actor_ids: JSON.stringify(actors), actor_count: Number(open.actor_count) + (known ? 0 : 1) };
}

export function parseActorIds(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Makes many notifications: ungrouped drafts in multi-row inserts (a repeat of one already unread is
 * skipped by the unique index) with their events recorded together, grouped ones one by one.
 */
export async function notifyAll(ctx: AppContext, drafts: readonly NotificationDraft[]): Promise<void> {
  const single = drafts.filter((d) => !d.fold);
  for (const draft of drafts.filter((d) => d.fold)) await notify(ctx, draft);
  for (let start = 0; start < single.length; start += CHUNK) {
    const chunk = single.slice(start, start + CHUNK);
    await inTransaction(ctx, async (trx) => {
      const now = new Date().toISOString();
      const byRecipientKey = new Map(chunk.map((d) => [`${d.recipientId}\n${d.key}`, d]));
      const inserted = await trx
        .insertInto('notifications')
        .values([...byRecipientKey.values()].map((d) => rowOf(d, now)))
        .onConflict((oc) => oc.columns(['recipient_id', 'open_group']).doNothing())
        .returning(['id', 'recipient_id', 'open_group'])
        .execute();
      const events: EventInput[] = [];
      for (const row of inserted) {
        const draft = byRecipientKey.get(`${row.recipient_id}\n${row.open_group}`);
        if (draft) events.push(createdEvent(draft, row.id, false));
      }
      await ctx.outbox.recordMany(trx, events);
    });
  }
}
