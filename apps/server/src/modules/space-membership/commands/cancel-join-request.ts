import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { loadSpace } from '../load-space.ts';

/** Withdraws my pending request to join. */
export async function cancelJoinRequest(
  ctx: AppContext,
  input: { actor: Viewer; handle: string },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const { space } = await loadSpace(trx, input.actor, input.handle);
    const result = await trx
      .updateTable('space_join_requests')
      .set({ status: 'cancelled', open_key: null, decided_at: nowIso(), decided_by: input.actor.id })
      .where('open_key', '=', `${space.id}:${input.actor.id}`)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notFound('You have no pending request for this space.');
    await ctx.outbox.record(trx, {
      name: 'space.join_request_decided',
      actorId: input.actor.id,
      subjectType: 'person',
      subjectId: input.actor.id,
      spaceId: space.id,
      payload: { status: 'cancelled' },
    });
  });
}
