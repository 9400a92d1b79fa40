import type { Viewer } from '../../../platform/access/people.ts';
import { canSeeSpace, membershipOf } from '../../../platform/access/spaces.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { spaceNotFound } from '../load-space.ts';
import {
  type ImageSize,
  imageObjectKey,
  type SpaceImageKind,
  type SpaceImageRenditions,
} from '../space-images.ts';
import { spaceAbilities } from '../spaces.policy.ts';
import { findSpaceById, type SpaceRow } from '../spaces.repository.ts';

const sizes: ImageSize[] = ['small', 'large'];
const column = (kind: SpaceImageKind) => (kind === 'avatar' ? 'avatar_file_id' : 'cover_file_id');

/** Deletes an image's objects; a failure leaves an orphan object, never a broken space. */
export async function deleteImageObjects(ctx: AppContext, storageKey: string): Promise<void> {
  for (const size of sizes) {
    try {
      await ctx.storage.delete(imageObjectKey(storageKey, size));
    } catch (error) {
      ctx.log.warn({ err: error, storageKey }, 'could not delete space image object');
    }
  }
}

/** Loads a space the actor may change the settings of, inside the transaction; 404 or 403 otherwise. */
export async function loadManagedSpace(
  trx: Parameters<typeof findSpaceById>[0],
  actor: Viewer,
  spaceId: string,
): Promise<SpaceRow> {
  const space = await findSpaceById(trx, spaceId);
  const membership = space ? await membershipOf(trx, space.id, actor.id) : undefined;
  if (!space || !canSeeSpace(actor, space, membership)) throw spaceNotFound();
  if (!spaceAbilities(actor, space, membership, false).manageSettings) {
    throw forbidden('Only owners and admins of the space can change its images.');
  }
  return space;
}

/**
 * Stores the renditions, then points the space at them in one transaction (with `space.updated`). If
 * anything fails the new objects are removed again; the previous image goes only after commit.
 */
export async function setSpaceImage(
  ctx: AppContext,
  input: { actor: Viewer; spaceId: string; kind: SpaceImageKind; renditions: SpaceImageRenditions },
): Promise<SpaceRow> {
  const { actor, kind } = input;
  const fileId = newId();
  const storageKey = `spaces/${kind}s/${fileId}`;
  let previousKey: string | undefined;
  try {
    for (const size of sizes) await ctx.storage.put(imageObjectKey(storageKey, size), input.renditions[size]);
    const space = await inTransaction(ctx, async (trx) => {
      const space = await loadManagedSpace(trx, actor, input.spaceId);
      const previousId = space[column(kind)];
      const now = nowIso();
      await trx
        .insertInto('files')
        .values({
          id: fileId,
          owner_id: actor.id,
          purpose: `space_${kind}`,
          storage_key: storageKey,
          mime_type: 'image/webp',
          byte_size: sizes.reduce((sum, size) => sum + input.renditions[size].length, 0),
          created_at: now,
        })
        .execute();
      await trx
        .updateTable('spaces')
        .set({ [column(kind)]: fileId, updated_at: now })
        .where('id', '=', space.id)
        .execute();
      if (previousId) {
        const previous = await trx
          .selectFrom('files')
          .select('storage_key')
          .where('id', '=', previousId)
          .executeTakeFirst();
        previousKey = previous?.storage_key;
        await trx.deleteFrom('files').where('id', '=', previousId).execute();
      }
      await ctx.outbox.record(trx, {
        name: 'space.updated',
        actorId: actor.id,
        subjectType: 'space',
        subjectId: space.id,
        spaceId: space.id,
        payload: { fields: [kind] },
      });
      return { ...space, [column(kind)]: fileId, updated_at: now };
    });
    if (previousKey) await deleteImageObjects(ctx, previousKey);
    return space;
  } catch (error) {
    await deleteImageObjects(ctx, storageKey);
    throw error;
  }
}
