import type { SiteRole } from '@atrium/contracts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { revokePendingInvitationsFrom } from '../../invitations/invitations.repository.ts';
import { findPersonById, type PersonRow } from '../../people/people.repository.ts';
import { lockActiveAdmins } from '../admin.repository.ts';

/**
 * Sets a person's site role. The last active administrator cannot be demoted, and external people stay
 * `user`: an external administrator or moderator would see content outside their spaces.
 */
export async function changeRole(
  ctx: AppContext,
  input: { actorId: string; personId: string; role: SiteRole; ip: string | null },
): Promise<PersonRow> {
  return inTransaction(ctx, async (trx) => {
    const admins = await lockActiveAdmins(trx, ctx.dialect);
    const person = await findPersonById(trx, input.personId);
    if (!person) throw notFound();
    if (person.role === input.role) return person;
    if (person.kind === 'external' && input.role !== 'user') {
      throw conflict('External people cannot be administrators or moderators.');
    }
    if (person.role === 'admin' && admins.every((id) => id === person.id)) {
      throw conflict('This is the last active administrator: make someone else an administrator first.');
    }
    const now = nowIso();
    await trx
      .updateTable('people')
      .set({ role: input.role, updated_at: now })
      .where('id', '=', person.id)
      .execute();
    // Only administrators invite: losing the role revokes the invitations they still have pending.
    const invitationsRevoked =
      person.role === 'admin' ? await revokePendingInvitationsFrom(trx, person.id, now) : 0;
    const change = { from: person.role, to: input.role };
    await ctx.outbox.record(trx, {
      name: 'person.role_changed',
      actorId: input.actorId,
      subjectType: 'person',
      subjectId: person.id,
      payload: change,
    });
    await audit(trx, {
      actorId: input.actorId,
      action: 'person.role_changed',
      targetType: 'person',
      targetId: person.id,
      ip: input.ip,
      data: { ...change, invitationsRevoked },
    });
    return { ...person, role: input.role, updated_at: now };
  });
}
