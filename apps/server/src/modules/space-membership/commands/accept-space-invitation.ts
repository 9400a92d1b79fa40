import type { SpaceRole } from '@atrium/contracts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findPersonById } from '../../people/people.repository.ts';
import { claimInvitation, usableInvitation } from '../claim-invitation.ts';
import { assertMayBelong } from '../member-writes.ts';
import { findSpaceInvitation } from '../membership.repository.ts';

/** The signed-in invitee accepts an invitation addressed to them (in-app, or emailed to their address). */
export async function acceptSpaceInvitation(
  ctx: AppContext,
  input: { actorId: string; id: string },
): Promise<{ role: SpaceRole }> {
  return inTransaction(ctx, async (trx) => {
    const person = await findPersonById(trx, input.actorId);
    const invitation = await findSpaceInvitation(trx, input.id);
    const mine =
      person &&
      invitation &&
      (invitation.person_id === person.id ||
        (invitation.person_id === null && invitation.email === person.email));
    if (!person || !invitation || !mine) throw notFound('No such invitation.');
    const space = await usableInvitation(trx, invitation, nowIso());
    if (!space) throw conflict('This invitation is no longer valid.');
    assertMayBelong(person, space);
    const result = await claimInvitation(trx, ctx.outbox, invitation, space, person);
    if (!result) throw conflict('This invitation is no longer valid.');
    return result;
  });
}
