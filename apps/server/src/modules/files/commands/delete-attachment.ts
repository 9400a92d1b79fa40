import type { AppContext } from '../../../platform/context.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findAttachment } from '../files.repository.ts';

/**
 * Deletes an upload that is not attached to a post yet (removed from the composer): only its owner
 * may, and someone else's file answers 404 like a missing one. Attached files go with their post.
 * The objects are removed after the commit; a failure there leaves an orphan, never a broken row.
 */
export async function deleteAttachment(
  ctx: AppContext,
  input: { actorId: string; fileId: string },
): Promise<void> {
  const keys = await inTransaction(ctx, async (trx) => {
    const file = await findAttachment(trx, input.fileId);
    if (!file || file.owner_id !== input.actorId) throw notFound('No such file.');
    if (file.post_id !== null)
      throw conflict('This file is attached to a post; edit or delete the post instead.');
    // The row goes only if it is still unattached: a post created meanwhile keeps it.
    const deleted = await trx
      .deleteFrom('files')
      .where('id', '=', file.id)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('post_attachments').select('file_id').where('file_id', '=', file.id))),
      )
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw conflict('This file was just attached to a post.');
    await ctx.outbox.record(trx, {
      name: 'file.deleted',
      actorId: input.actorId,
      subjectType: 'file',
      subjectId: file.id,
    });
    return [file.storage_key, ...(file.thumbnail_key === null ? [] : [file.thumbnail_key])];
  });
  for (const key of keys) {
    try {
      await ctx.storage.delete(key);
    } catch (error) {
      ctx.log.warn({ err: error, key }, 'could not delete an attachment object');
    }
  }
}
