import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { loadSpace } from '../load-space.ts';
import { countActiveOwners, lockSpace } from '../membership.repository.ts';

/** Leaves a space; the last owner must hand ownership over first. */
export async function leaveSpace(ctx: AppContext, input: { actor: Viewer; handle: string }): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const { space, membership } = await loadSpace(trx, input.actor, input.handle);
    if (!membership) throw conflict('You are not a member of this space.');
    await lockSpace(trx, ctx.dialect, space.id);
    if (membership.role === 'owner' && (await countActiveOwners(trx, space.id)) <= 1) {
      throw conflict('The last owner cannot leave: transfer ownership first.');
    }
    await trx
      .deleteFrom('space_members')
      .where('space_id', '=', space.id)
      .where('person_id', '=', input.actor.id)
      .execute();
    await ctx.outbox.record(trx, {
      name: 'space.member_left',
      actorId: input.actor.id,
      subjectType: 'person',
      subjectId: input.actor.id,
      spaceId: space.id,
      payload: { role: membership.role },
    });
  });
}
