import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findPersonById } from '../../people/people.repository.ts';
import { findSpaceInvitation } from '../membership.repository.ts';

/** The invitee declines: the invitation closes and its link stops working. */
export async function declineSpaceInvitation(
  ctx: AppContext,
  input: { actorId: string; id: string },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const person = await findPersonById(trx, input.actorId);
    const invitation = await findSpaceInvitation(trx, input.id);
    const mine =
      person &&
      invitation &&
      (invitation.person_id === person.id ||
        (invitation.person_id === null && invitation.email === person.email));
    if (!invitation || !mine) throw notFound('No such invitation.');
    const now = nowIso();
    const result = await trx
      .updateTable('space_invitations')
      .set({ declined_at: now, open_key: null })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('declined_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('This invitation is no longer open.');
    await ctx.outbox.record(trx, {
      name: 'space.invitation_declined',
      actorId: input.actorId,
      subjectType: 'space_invitation',
      subjectId: invitation.id,
      spaceId: invitation.space_id,
    });
  });
}
