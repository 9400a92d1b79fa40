import type { Viewer } from '../../../platform/access/people.ts';
import { canSeePerson } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findPersonById } from '../../people/people.repository.ts';
import { loadSpace, requireManager } from '../load-space.ts';
import { addMember, assertLive, assertMayBelong } from '../member-writes.ts';
import { findJoinRequest, type JoinRequestRow } from '../membership.repository.ts';

/**
 * An owner or admin of the space approves (the requester becomes a member) or declines a pending request.
 * The request is claimed by a conditional update, so two decisions cannot both win.
 */
export async function decideJoinRequest(
  ctx: AppContext,
  input: { actor: Viewer; handle: string; id: string; decision: 'approved' | 'declined'; ip: string | null },
): Promise<JoinRequestRow> {
  return inTransaction(ctx, async (trx) => {
    const loaded = await loadSpace(trx, input.actor, input.handle);
    requireManager(loaded);
    const { space } = loaded;
    const request = await findJoinRequest(trx, space.id, input.id);
    const person = request ? await findPersonById(trx, request.person_id) : undefined;
    // A request from someone the manager may not see does not exist for them.
    if (!request || !person || !(await canSeePerson(trx, input.actor, person)))
      throw notFound('No such request.');
    if (request.status !== 'pending') throw conflict('This request was already decided.');
    if (input.decision === 'approved') {
      assertLive(space);
      assertMayBelong(person, space);
      if (person.status !== 'active') throw conflict('This person is deactivated.');
    }
    const now = nowIso();
    const claimed = await trx
      .updateTable('space_join_requests')
      .set({ status: input.decision, open_key: null, decided_at: now, decided_by: input.actor.id })
      .where('id', '=', request.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw conflict('This request was already decided.');
    await ctx.outbox.record(trx, {
      name: 'space.join_request_decided',
      actorId: input.actor.id,
      subjectType: 'join_request',
      subjectId: request.id,
      spaceId: space.id,
      payload: { status: input.decision, personId: person.id },
    });
    if (input.decision === 'approved') {
      await addMember(trx, ctx.outbox, {
        space,
        person,
        role: 'member',
        source: 'manual',
        actorId: input.actor.id,
      });
      await audit(trx, {
        actorId: input.actor.id,
        action: 'space.join_request_approved',
        targetType: 'space',
        targetId: space.id,
        ip: input.ip,
        data: { personId: person.id, requestId: request.id },
      });
    }
    return {
      ...request,
      status: input.decision,
      open_key: null,
      decided_at: now,
      decided_by: input.actor.id,
    };
  });
}
