import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findPersonById } from '../../people/people.repository.ts';
import { findSpaceById } from '../../spaces/spaces.repository.ts';
import { addMember, assertMayBelong } from '../member-writes.ts';
import { countActiveOwners, lockSpace } from '../membership.repository.ts';

/**
 * Recovery for a space left without an active owner (its owners were deactivated): a site administrator
 * makes an active person its owner, joining them if needed. Refused while an active owner exists, so this
 * is no way around the space's own governance. Audited.
 */
export async function assignOwnerAsSiteAdmin(
  ctx: AppContext,
  input: { actorId: string; spaceId: string; personId: string; ip: string | null },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const space = await findSpaceById(trx, input.spaceId);
    if (!space) throw notFound('No such space.');
    await lockSpace(trx, ctx.dialect, space.id);
    if ((await countActiveOwners(trx, space.id)) > 0) {
      throw conflict('This space has an active owner: ownership changes go through them.');
    }
    const person = await findPersonById(trx, input.personId);
    const path = [{ path: 'body/personId', message: 'is not an active person' }];
    if (!person || person.status !== 'active')
      throw badRequest('The new owner must be an active person.', path);
    assertMayBelong(person, space);
    const { added } = await addMember(trx, ctx.outbox, {
      space,
      person,
      role: 'owner',
      source: 'manual',
      actorId: input.actorId,
    });
    if (!added) {
      await trx
        .updateTable('space_members')
        .set({ role: 'owner' })
        .where('space_id', '=', space.id)
        .where('person_id', '=', person.id)
        .execute();
    }
    await ctx.outbox.record(trx, {
      name: 'space.ownership_transferred',
      actorId: input.actorId,
      subjectType: 'person',
      subjectId: person.id,
      spaceId: space.id,
      payload: { bySiteAdmin: true },
    });
    await audit(trx, {
      actorId: input.actorId,
      action: 'admin.space_owner_assigned',
      targetType: 'space',
      targetId: space.id,
      ip: input.ip,
      data: { personId: person.id, wasMember: !added },
    });
  });
}
