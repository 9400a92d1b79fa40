import { audit } from '../../../platform/audit.ts';
import { revokeAllCredentials } from '../../../platform/auth/revoke-credentials.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { revokePendingInvitationsFrom } from '../../invitations/invitations.repository.ts';
import { findPersonById, type PersonRow } from '../../people/people.repository.ts';
import { lockActiveAdmins } from '../admin.repository.ts';

/**
 * Deactivates a person and ends their access in the same transaction: every session is deleted and every
 * API token revoked, so nothing issued before keeps working; the invitations they sent are revoked too
 * (a deactivated person's content stays).
 */
export async function deactivatePerson(
  ctx: AppContext,
  input: { actorId: string; personId: string; ip: string | null },
): Promise<PersonRow> {
  if (input.personId === input.actorId) throw conflict('You cannot deactivate yourself.');
  return inTransaction(ctx, async (trx) => {
    const admins = await lockActiveAdmins(trx, ctx.dialect);
    const person = await findPersonById(trx, input.personId);
    if (!person) throw notFound();
    if (person.status === 'deactivated') return person;
    if (person.role === 'admin' && admins.every((id) => id === person.id)) {
      throw conflict('This is the last active administrator.');
    }
    const now = nowIso();
    await trx
      .updateTable('people')
      .set({ status: 'deactivated', deactivated_at: now, updated_at: now })
      .where('id', '=', person.id)
      .execute();
    const ended = await revokeAllCredentials(trx, person.id, now);
    const invitationsRevoked = await revokePendingInvitationsFrom(trx, person.id, now);
    // Outstanding reset links must not outlive the account either.
    await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('person_id', '=', person.id)
      .where('used_at', 'is', null)
      .execute();
    await ctx.outbox.record(trx, {
      name: 'person.deactivated',
      actorId: input.actorId,
      subjectType: 'person',
      subjectId: person.id,
    });
    await audit(trx, {
      actorId: input.actorId,
      action: 'person.deactivated',
      targetType: 'person',
      targetId: person.id,
      ip: input.ip,
      data: {
        ...ended,
        invitationsRevoked,
      },
    });
    return { ...person, status: 'deactivated', deactivated_at: now, updated_at: now };
  });
}
