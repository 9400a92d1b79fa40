import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest, forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findPersonById } from '../../people/people.repository.ts';
import { loadSpace } from '../load-space.ts';
import { assertLive, assertMayBelong, recordMemberChange } from '../member-writes.ts';
import { findMember, lockSpace } from '../membership.repository.ts';

/** An owner hands ownership to another member; the old owner stays on as an admin. */
export async function transferOwnership(
  ctx: AppContext,
  input: { actor: Viewer; handle: string; personId: string; ip: string | null },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const { space, membership } = await loadSpace(trx, input.actor, input.handle);
    if (membership?.role !== 'owner') throw forbidden('Only an owner can transfer ownership.');
    assertLive(space);
    await lockSpace(trx, ctx.dialect, space.id);
    // Read again under the lock: a concurrent change may have just taken the actor's ownership away.
    if ((await findMember(trx, space.id, input.actor.id))?.role !== 'owner') {
      throw forbidden('Only an owner can transfer ownership.');
    }
    const path = [{ path: 'body/personId', message: 'is not a member of this space' }];
    if (input.personId === input.actor.id) throw badRequest('You already own this space.', path);
    const member = await findMember(trx, space.id, input.personId);
    const person = member ? await findPersonById(trx, member.person_id) : undefined;
    if (!member || !person) throw badRequest('The new owner must be a member of the space.', path);
    if (person.status !== 'active') throw badRequest('The new owner must be an active person.', path);
    assertMayBelong(person, space);
    await trx
      .updateTable('space_members')
      .set({ role: 'owner' })
      .where('space_id', '=', space.id)
      .where('person_id', '=', person.id)
      .execute();
    await trx
      .updateTable('space_members')
      .set({ role: 'admin' })
      .where('space_id', '=', space.id)
      .where('person_id', '=', input.actor.id)
      .execute();
    await recordMemberChange(trx, ctx.outbox, {
      action: 'space.ownership_transferred',
      actorId: input.actor.id,
      personId: person.id,
      spaceId: space.id,
      ip: input.ip,
      payload: { from: input.actor.id, to: person.id, previousRole: member.role },
      auditData: { from: input.actor.id, to: person.id },
    });
  });
}
