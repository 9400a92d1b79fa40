import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import type { SpaceImageKind } from '../space-images.ts';
import { deleteImageObjects, loadManagedSpace } from './set-space-image.ts';

/** Removes a space's avatar or cover (nothing to remove is not an error); objects go after commit. */
export async function removeSpaceImage(
  ctx: AppContext,
  input: { actor: Viewer; spaceId: string; kind: SpaceImageKind },
): Promise<void> {
  const { actor, kind } = input;
  const column = kind === 'avatar' ? 'avatar_file_id' : 'cover_file_id';
  const removedKey = await inTransaction(ctx, async (trx) => {
    const space = await loadManagedSpace(trx, actor, input.spaceId);
    const fileId = space[column];
    if (!fileId) return undefined;
    const file = await trx
      .selectFrom('files')
      .select('storage_key')
      .where('id', '=', fileId)
      .executeTakeFirst();
    await trx
      .updateTable('spaces')
      .set({ [column]: null, updated_at: nowIso() })
      .where('id', '=', space.id)
      .execute();
    await trx.deleteFrom('files').where('id', '=', fileId).execute();
    await ctx.outbox.record(trx, {
      name: 'space.updated',
      actorId: actor.id,
      subjectType: 'space',
      subjectId: space.id,
      spaceId: space.id,
      payload: { fields: [kind] },
    });
    return file?.storage_key;
  });
  if (removedKey) await deleteImageObjects(ctx, removedKey);
}
