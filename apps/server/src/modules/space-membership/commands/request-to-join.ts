import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { conflict } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { loadSpace } from '../load-space.ts';
import { assertLive, assertMayBelong } from '../member-writes.ts';
import type { JoinRequestRow } from '../membership.repository.ts';

/**
 * Asks to join a private space. Secret spaces are by invitation only (a non-member never gets this far:
 * the space answers 404). One pending request per person and space, guaranteed by the unique open_key.
 */
export async function requestToJoin(
  ctx: AppContext,
  input: { actor: Viewer; handle: string; message: string | undefined },
): Promise<JoinRequestRow> {
  const pending = () => conflict('You already asked to join this space.');
  try {
    return await inTransaction(ctx, async (trx) => {
      const { space, membership } = await loadSpace(trx, input.actor, input.handle);
      if (membership) throw conflict('You are already a member of this space.');
      assertLive(space);
      if (space.visibility === 'open') throw conflict('This space is open: join it directly.');
      if (space.visibility !== 'private') throw conflict('This space is by invitation only.');
      assertMayBelong(input.actor, space);
      const row: JoinRequestRow = {
        id: newId(),
        space_id: space.id,
        person_id: input.actor.id,
        message: (input.message ?? '').trim(),
        status: 'pending',
        open_key: `${space.id}:${input.actor.id}`,
        created_at: nowIso(),
        decided_at: null,
        decided_by: null,
      };
      await trx.insertInto('space_join_requests').values(row).execute();
      await ctx.outbox.record(trx, {
        name: 'space.join_requested',
        actorId: input.actor.id,
        subjectType: 'join_request',
        subjectId: row.id,
        spaceId: space.id,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw pending();
    throw error;
  }
}
