import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { processImage } from '../attachment-image.ts';
import { sniffAttachment } from '../attachment-types.ts';
import { sanitizeFileName } from '../file-names.ts';
import { ATTACHMENT_PURPOSE, type FileRow } from '../files.repository.ts';
import { assertRoomForUpload, clearStaleUploads, lockUploader } from '../unattached-uploads.ts';

export interface AttachmentUpload {
  ownerId: string;
  /** The name the client gave; sanitized here. */
  fileName: string;
  /** The type the client declared; only used to catch a lie. */
  declaredType: string;
  bytes: Buffer;
}

/** Removes objects written for an upload that did not complete; a failure only leaves an orphan. */
async function removeObjects(ctx: AppContext, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    try {
      await ctx.storage.delete(key);
    } catch (error) {
      ctx.log.warn({ err: error, key }, 'could not delete an attachment object');
    }
  }
}

/**
 * Stores an uploaded attachment. First the owner's unattached uploads older than a day are cleared, and
 * one who already holds too many younger ones is refused (429). Then it is sniffed and checked
 * (400/413/415 before anything is written), images re-encoded without metadata and thumbnailed, objects
 * written under server-generated keys, then the `files` row and `file.uploaded` in one transaction.
 * Objects already written are removed if anything fails.
 */
export async function uploadAttachment(ctx: AppContext, upload: AttachmentUpload): Promise<FileRow> {
  await clearStaleUploads(ctx, upload.ownerId);
  // Checked before the work on the bytes, and again in the transaction that counts.
  await assertRoomForUpload(ctx.db, upload.ownerId);
  const name = sanitizeFileName(upload.fileName);
  const type = await sniffAttachment(upload.bytes, name, upload.declaredType);
  const image = type.image ? await processImage(upload.bytes, type.mimeType) : undefined;

  const id = newId();
  const row: FileRow = {
    id,
    owner_id: upload.ownerId,
    purpose: ATTACHMENT_PURPOSE,
    storage_key: `attachments/${id}/original`,
    mime_type: type.mimeType,
    byte_size: image ? image.original.length : upload.bytes.length,
    created_at: nowIso(),
    name,
    width: image?.width ?? null,
    height: image?.height ?? null,
    thumbnail_key: image ? `attachments/${id}/thumbnail.webp` : null,
  };
  const written: string[] = [];
  try {
    written.push(row.storage_key);
    await ctx.storage.put(row.storage_key, image ? image.original : upload.bytes);
    if (image && row.thumbnail_key !== null) {
      written.push(row.thumbnail_key);
      await ctx.storage.put(row.thumbnail_key, image.thumbnail);
    }
    await inTransaction(ctx, async (trx) => {
      await lockUploader(trx, ctx.dialect, upload.ownerId);
      await assertRoomForUpload(trx, upload.ownerId);
      await trx.insertInto('files').values(row).execute();
      await ctx.outbox.record(trx, {
        name: 'file.uploaded',
        actorId: upload.ownerId,
        subjectType: 'file',
        subjectId: id,
        payload: { mimeType: row.mime_type, byteSize: row.byte_size },
      });
    });
    return row;
  } catch (error) {
    await removeObjects(ctx, written);
    throw error;
  }
}
