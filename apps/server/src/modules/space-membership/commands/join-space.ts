import type { SpaceRole } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import { audienceAdmits } from '../../../platform/access/spaces.ts';
import type { AppContext } from '../../../platform/context.ts';
import { forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { loadSpace } from '../load-space.ts';
import { addMember, assertLive } from '../member-writes.ts';

/** Self-join of an open space whose audience admits the viewer; joining twice returns the membership. */
export async function joinSpace(
  ctx: AppContext,
  input: { actor: Viewer; handle: string },
): Promise<{ role: SpaceRole }> {
  return inTransaction(ctx, async (trx) => {
    const { space, membership } = await loadSpace(trx, input.actor, input.handle);
    if (membership) return { role: membership.role };
    assertLive(space);
    if (space.visibility !== 'open' || !audienceAdmits(input.actor, space)) {
      throw forbidden('This space is not open: ask to join or wait for an invitation.');
    }
    const { role } = await addMember(trx, ctx.outbox, {
      space,
      person: input.actor,
      role: 'member',
      source: 'manual',
      actorId: input.actor.id,
    });
    return { role };
  });
}
