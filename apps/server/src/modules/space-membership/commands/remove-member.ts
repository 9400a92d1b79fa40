import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { canAssignRole } from '../../spaces/spaces.policy.ts';
import { loadSpace, requireManager } from '../load-space.ts';
import { assertLive, recordMemberChange } from '../member-writes.ts';
import { countActiveOwners, findMember, lockSpace } from '../membership.repository.ts';

/** Removes a member; admins remove members and moderators, owners anyone but the last owner. */
export async function removeMember(
  ctx: AppContext,
  input: { actor: Viewer; handle: string; personId: string; ip: string | null },
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
    if (!member) throw notFound('No such member.');
    if (member.person_id !== input.actor.id && !canAssignRole(actorMembership, member.role, 'member')) {
      throw forbidden('Only owners can remove owners and admins.');
    }
    if (member.role === 'owner' && (await countActiveOwners(trx, space.id)) <= 1) {
      throw conflict('The last owner cannot be removed: transfer ownership first.');
    }
    await trx
      .deleteFrom('space_members')
      .where('space_id', '=', space.id)
      .where('person_id', '=', member.person_id)
      .execute();
    await recordMemberChange(trx, ctx.outbox, {
      action: 'space.member_removed',
      actorId: input.actor.id,
      personId: member.person_id,
      spaceId: space.id,
      ip: input.ip,
      payload: { role: member.role, source: member.source },
      auditData: { personId: member.person_id, role: member.role },
    });
  });
}
