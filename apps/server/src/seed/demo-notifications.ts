import type { NotificationType } from '@atrium/contracts';
import type { AppContext } from '../platform/context.ts';
import type { NotificationsTable } from '../platform/db/schema-live.ts';
import { newId, nowIso } from '../platform/db/time.ts';
import { isUniqueViolation } from '../platform/db/unique-violation.ts';
import { inTransaction } from '../platform/http/transaction.ts';

export const NOTIFICATIONS_MARKER = 'demo.notifications_seeded';

/** Per demo account and type, how many notifications the center starts with; the older half is read. */
const PER_TYPE = 6;
const ACTORS_KEPT = 10;

interface Group {
  type: NotificationType;
  postId: string;
  spaceId: string | null;
  subjectType: string;
  subjectId: string;
  actors: string[];
  at: string;
}

/**
 * The demo accounts' notification centers, derived from the demo content (which records no events, so
 * nothing was notified when it was written): reactions on and replies to their posts, and mentions of
 * them, grouped per post as the live handlers group them. Who may see what is decided when the center is
 * read, exactly as for any notification. Written once, with its marker.
 */
export async function ensureDemoNotifications(ctx: AppContext, accountEmails: string[]): Promise<number> {
  const { db } = ctx;
  const done = await db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', NOTIFICATIONS_MARKER)
    .executeTakeFirst();
  if (done) return 0;
  const accounts = await db.selectFrom('people').select('id').where('email', 'in', accountEmails).execute();
  const rows: NotificationsTable[] = [];
  for (const { id } of accounts) {
    const groups = [
      ...(await reactionGroups(ctx, id)),
      ...(await replyGroups(ctx, id)),
      ...(await mentionGroups(ctx, id)),
    ];
    rows.push(...groups.map((g, i) => toRow(id, g, i)));
  }
  try {
    await inTransaction(ctx, async (trx) => {
      await trx
        .insertInto('settings')
        .values({
          key: NOTIFICATIONS_MARKER,
          value: JSON.stringify({ notifications: rows.length }),
          updated_at: nowIso(),
        })
        .execute();
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('notifications')
          .values(rows.slice(i, i + 200))
          .execute();
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 0;
    throw error;
  }
  return rows.length;
}

function toRow(recipientId: string, g: Group, index: number): NotificationsTable {
  // The newest few of each type stay unread, so the bell has something to say.
  const unread = index % PER_TYPE < PER_TYPE / 2;
  return {
    id: newId(),
    recipient_id: recipientId,
    type: g.type,
    open_group: null,
    subject_type: g.subjectType,
    subject_id: g.subjectId,
    post_id: g.postId,
    space_id: g.spaceId,
    actor_ids: JSON.stringify(g.actors.slice(0, ACTORS_KEPT)),
    actor_count: g.actors.length,
    data: JSON.stringify(g.type === 'reply' ? { commentId: g.subjectId, onComment: false } : {}),
    created_at: g.at,
    updated_at: g.at,
    read_at: unread ? null : g.at,
    emailed_at: g.at,
    digested_at: g.at,
  };
}

/** Groups rows (newest first) per post into at most PER_TYPE groups. */
function group(
  type: NotificationType,
  rows: Array<{ post_id: string; space_id: string | null; actor: string; at: string; subject: string }>,
  subjectType: string,
): Group[] {
  const byPost = new Map<string, Group>();
  for (const row of rows) {
    let g = byPost.get(row.post_id);
    if (!g) {
      if (byPost.size >= PER_TYPE) continue;
      g = {
        type,
        postId: row.post_id,
        spaceId: row.space_id,
        subjectType,
        subjectId: row.subject,
        actors: [],
        at: row.at,
      };
      byPost.set(row.post_id, g);
    }
    if (!g.actors.includes(row.actor)) g.actors.push(row.actor);
  }
  return [...byPost.values()];
}

async function reactionGroups(ctx: AppContext, personId: string): Promise<Group[]> {
  const rows = await ctx.db
    .selectFrom('reactions')
    .innerJoin('posts', 'posts.id', 'reactions.subject_id')
    .select([
      'posts.id as post_id',
      'posts.space_id',
      'reactions.person_id as actor',
      'reactions.created_at as at',
      'posts.id as subject',
    ])
    .where('reactions.subject_type', '=', 'post')
    .where('posts.author_id', '=', personId)
    .where('reactions.person_id', '<>', personId)
    .where('posts.deleted_at', 'is', null)
    .orderBy('reactions.created_at', 'desc')
    .limit(400)
    .execute();
  return group('reaction', rows, 'post');
}

async function replyGroups(ctx: AppContext, personId: string): Promise<Group[]> {
  const rows = await ctx.db
    .selectFrom('comments')
    .innerJoin('posts', 'posts.id', 'comments.post_id')
    .select([
      'posts.id as post_id',
      'posts.space_id',
      'comments.author_id as actor',
      'comments.created_at as at',
      'comments.id as subject',
    ])
    .where('posts.author_id', '=', personId)
    .where('comments.author_id', '<>', personId)
    .where('comments.deleted_at', 'is', null)
    .where('posts.deleted_at', 'is', null)
    .orderBy('comments.created_at', 'desc')
    .limit(400)
    .execute();
  return group('reply', rows, 'comment');
}

async function mentionGroups(ctx: AppContext, personId: string): Promise<Group[]> {
  const rows = await ctx.db
    .selectFrom('mentions')
    .innerJoin('posts', 'posts.id', 'mentions.post_id')
    .select([
      'posts.id as post_id',
      'posts.space_id',
      'posts.author_id as actor',
      'mentions.created_at as at',
      'posts.id as subject',
    ])
    .where('mentions.person_id', '=', personId)
    .where('mentions.subject_type', '=', 'post')
    .where('posts.author_id', '<>', personId)
    .where('posts.deleted_at', 'is', null)
    .orderBy('mentions.created_at', 'desc')
    .limit(100)
    .execute();
  return group('mention', rows, 'post');
}
