import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Dialect } from '../../platform/db/connect.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ATTACHMENT_PURPOSE } from './files.repository.ts';

/**
 * Uploads wait in the composer until a post takes them. One left behind is cleared by its owner's next
 * upload once it is a day old, and nobody holds more than a bounded number waiting at once, so uploads
 * cannot pile up storage that no post uses.
 */
export const UNATTACHED_UPLOAD_TTL_MS = 24 * 60 * 60_000;
export const MAX_UNATTACHED_UPLOADS = 50;

const cutoffOf = (now: Date) => new Date(now.getTime() - UNATTACHED_UPLOAD_TTL_MS).toISOString();

/**
 * Deletes the owner's unattached uploads older than a day: the rows, then their objects (a failure there
 * leaves an orphan object, never a row without one). A file a post takes meanwhile stays.
 */
export async function clearStaleUploads(ctx: AppContext, ownerId: string, now = new Date()): Promise<void> {
  const deleted = await ctx.db
    .deleteFrom('files')
    .where('owner_id', '=', ownerId)
    .where('purpose', '=', ATTACHMENT_PURPOSE)
    .where('created_at', '<', cutoffOf(now))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('post_attachments').select('file_id').whereRef('file_id', '=', 'files.id'))),
    )
    .returning(['storage_key', 'thumbnail_key'])
    .execute();
  for (const row of deleted) {
    for (const key of [row.storage_key, row.thumbnail_key]) {
      if (key === null) continue;
      try {
        await ctx.storage.delete(key);
      } catch (error) {
        ctx.log.warn({ err: error, key }, 'could not delete a stale attachment object');
      }
    }
  }
}

/**
 * Locks the owner's row until commit on PostgreSQL (SQLite runs one writer at a time), so concurrent
 * uploads of one person are counted one after the other and never pass the limit together.
 */
export async function lockUploader(trx: Transaction<DB>, dialect: Dialect, ownerId: string): Promise<void> {
  if (dialect !== 'postgres') return;
  // Not a key lock: the person's other writes (rows that reference them) do not wait for it.
  await trx.selectFrom('people').select('id').where('id', '=', ownerId).forNoKeyUpdate().execute();
}

/** Refuses an upload (429) while the owner already holds the most unattached uploads younger than a day. */
export async function assertRoomForUpload(db: Executor, ownerId: string, now = new Date()): Promise<void> {
  const waiting = await db
    .selectFrom('files')
    .select(['files.created_at'])
    .where('files.owner_id', '=', ownerId)
    .where('files.purpose', '=', ATTACHMENT_PURPOSE)
    .where('files.created_at', '>=', cutoffOf(now))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('post_attachments').select('file_id').whereRef('file_id', '=', 'files.id'))),
    )
    .orderBy('files.created_at')
    .limit(MAX_UNATTACHED_UPLOADS)
    .execute();
  if (waiting.length < MAX_UNATTACHED_UPLOADS) return;
  // The oldest waiting upload is cleared a day after it was made: a slot opens then at the latest.
  const oldest = waiting[0]?.created_at ?? now.toISOString();
  const retryAfter = Math.ceil((Date.parse(oldest) + UNATTACHED_UPLOAD_TTL_MS - now.getTime()) / 1000);
  throw new AppError(
    429,
    'rate_limited',
    'Too many uploads waiting',
    `You have ${MAX_UNATTACHED_UPLOADS} uploads that are not attached to a post yet: post them or remove some first.`,
    undefined,
    { 'retry-after': String(Math.max(1, retryAfter)) },
  );
}
