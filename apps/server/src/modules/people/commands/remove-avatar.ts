import type { Viewer } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { forbidden, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { canEditProfile, isAdminEdit } from '../people.policy.ts';
import { findPersonById } from '../people.repository.ts';
import { deleteAvatarObjects } from './set-avatar.ts';

/** Removes the avatar (idempotent: nothing to remove is not an error); objects go after commit. */
export async function removeAvatar(
  ctx: AppContext,
  input: { actor: Viewer; personId: string; ip: string | null },
): Promise<void> {
  const { actor } = input;
  const removedKey = await inTransaction(ctx, async (trx) => {
    const person = await findPersonById(trx, input.personId);
    if (!person) throw notFound('No such person.');
    if (!canEditProfile(actor, person)) throw forbidden('Only this person or an administrator can edit it.');
    if (!person.avatar_file_id) return undefined;
    const file = await trx
      .selectFrom('files')
      .select('storage_key')
      .where('id', '=', person.avatar_file_id)
      .executeTakeFirst();
    await trx
      .updateTable('people')
      .set({ avatar_file_id: null, updated_at: nowIso() })
      .where('id', '=', person.id)
      .execute();
    await trx.deleteFrom('files').where('id', '=', person.avatar_file_id).execute();
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
        action: 'admin.person_avatar_removed',
        targetType: 'person',
        targetId: person.id,
        ip: input.ip,
      });
    }
    return file?.storage_key;
  });
  if (removedKey) await deleteAvatarObjects(ctx, removedKey);
}
