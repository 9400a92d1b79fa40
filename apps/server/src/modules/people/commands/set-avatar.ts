import type { Viewer } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { forbidden, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { AVATAR_SIZES, type AvatarRenditions, type AvatarSize } from '../avatar-image.ts';
import { canEditProfile, isAdminEdit } from '../people.policy.ts';
import { findPersonById, type PersonRow } from '../people.repository.ts';

/**
 * One `files` row per avatar; its storage key is a prefix under which each size is one object. Keys
 * are generated here, never taken from the upload.
 */
export const avatarObjectKey = (storageKey: string, size: AvatarSize): string => `${storageKey}/${size}.webp`;

const sizes = Object.keys(AVATAR_SIZES) as AvatarSize[];

/** Deletes an avatar's objects; a failure leaves an orphan object, never a broken profile. */
export async function deleteAvatarObjects(ctx: AppContext, storageKey: string): Promise<void> {
  for (const size of sizes) {
    try {
      await ctx.storage.delete(avatarObjectKey(storageKey, size));
    } catch (error) {
      ctx.log.warn({ err: error, storageKey }, 'could not delete avatar object');
    }
  }
}

/**
 * Stores the renditions, then points the profile at them in one transaction (with `person.updated`).
 * If anything fails the new objects are removed again; the previous avatar goes only after commit.
 */
export async function setAvatar(
  ctx: AppContext,
  input: { actor: Viewer; personId: string; renditions: AvatarRenditions; ip: string | null },
): Promise<PersonRow> {
  const { actor } = input;
  const fileId = newId();
  const storageKey = `avatars/${fileId}`;
  let previousKey: string | undefined;
  try {
    for (const size of sizes)
      await ctx.storage.put(avatarObjectKey(storageKey, size), input.renditions[size]);
    const person = await inTransaction(ctx, async (trx) => {
      const person = await findPersonById(trx, input.personId);
      if (!person) throw notFound('No such person.');
      if (!canEditProfile(actor, person))
        throw forbidden('Only this person or an administrator can edit it.');
      const now = nowIso();
      await trx
        .insertInto('files')
        .values({
          id: fileId,
          owner_id: person.id,
          purpose: 'avatar',
          storage_key: storageKey,
          mime_type: 'image/webp',
          byte_size: sizes.reduce((sum, size) => sum + input.renditions[size].length, 0),
          created_at: now,
        })
        .execute();
      await trx
        .updateTable('people')
        .set({ avatar_file_id: fileId, updated_at: now })
        .where('id', '=', person.id)
        .execute();
      if (person.avatar_file_id) {
        const previous = await trx
          .selectFrom('files')
          .select('storage_key')
          .where('id', '=', person.avatar_file_id)
          .executeTakeFirst();
        previousKey = previous?.storage_key;
        await trx.deleteFrom('files').where('id', '=', person.avatar_file_id).execute();
      }
      await ctx.outbox.record(trx, {
        name: 'person.updated',
        actorId: actor.id,
        subjectType: 'person',
        subjectId: person.id,
        payload: { fields: ['avatar'] },
      });
      if (isAdminEdit(actor, person)) {
        await audit(trx, {
          actorId: actor.id,
          action: 'admin.person_avatar_changed',
          targetType: 'person',
          targetId: person.id,
          ip: input.ip,
        });
      }
      return { ...person, avatar_file_id: fileId, updated_at: now };
    });
    if (previousKey) await deleteAvatarObjects(ctx, previousKey);
    return person;
  } catch (error) {
    await deleteAvatarObjects(ctx, storageKey);
    throw error;
  }
}
