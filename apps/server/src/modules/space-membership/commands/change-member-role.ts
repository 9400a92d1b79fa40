import type { SpaceRole } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findPersonById } from '../../people/people.repository.ts';
import { canAssignRole } from '../../spaces/spaces.policy.ts';
import { loadSpace, requireManager } from '../load-space.ts';
import { assertLive, assertMayBelong, recordMemberChange } from '../member-writes.ts';
import { countActiveOwners, findMember, lockSpace } from '../membership.repository.ts';

/** Gives a member another role: admins manage members and moderators, only owners make admins and owners. */
export async function changeMemberRole(
  ctx: AppContext,
  input: { actor: Viewer; handle: string; personId: string; role: SpaceRole; ip: string | null },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const loaded = await loadSpace(trx, input.actor, input.handle);
    requireManager(loaded);
    const { space } = loaded;
    assertLive(space);
    await lockSpace(trx, ctx.dialect, space.id);
    // Read again under the lock: a concurrent change may have just taken the actor's own role away.
    const actorMembership = await findMember(trx, space.id, input.actor.id);
    const member = await findMember(trx, space.id, input.personId);
    const person = member ? await findPersonById(trx, member.person_id) : undefined;
    if (!member || !person) throw notFound('No such member.');
    if (member.role === input.role) return;
    if (!canAssignRole(actorMembership, member.role, input.role)) {
      throw forbidden('Only owners can give or take the owner and admin roles.');
    }
    assertMayBelong(person, space);
    if (member.role === 'owner' && (await countActiveOwners(trx, space.id)) <= 1) {
      throw conflict('The last owner cannot be demoted: transfer ownership first.');
    }
    await trx
      .updateTable('space_members')
      .set({ role: input.role })
      .where('space_id', '=', space.id)
      .where('person_id', '=', person.id)
      .execute();
    await recordMemberChange(trx, ctx.outbox, {
      action: 'space.member_role_changed',
      actorId: input.actor.id,
      personId: person.id,
      spaceId: space.id,
      ip: input.ip,
      payload: { from: member.role, to: input.role },
      auditData: { personId: person.id, from: member.role, to: input.role },
    });
  });
}
