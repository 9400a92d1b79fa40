import { audit } from '../../../platform/audit.ts';
import { hashPassword, sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { badRequest, tokenInvalid } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { createPerson } from '../../people/commands/create-person.ts';
import { findPersonById, type PersonRow } from '../../people/people.repository.ts';
import { findInvitationByTokenHash } from '../invitations.repository.ts';

/**
 * Creates the invited person with the invitation's kind and role. The invitation is claimed in the same
 * transaction by a conditional update, so a reused, expired or revoked token (or a second racing request)
 * gets 400 token_invalid and nothing is created. Accepting is a POST: link scanners cannot burn it.
 */
export async function acceptInvitation(
  ctx: AppContext,
  input: { token: string; name: string; password: string; ip: string | null },
): Promise<PersonRow> {
  const name = input.name.trim();
  if (name === '') throw badRequest('Enter your name.', [{ path: 'body/name', message: 'is blank' }]);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (trx) => {
    const now = nowIso();
    const invitation = await findInvitationByTokenHash(trx, sha256(input.token));
    if (!invitation) throw tokenInvalid();
    // Defence in depth: the invitation speaks with its sender's authority, which must still hold.
    const inviter = await findPersonById(trx, invitation.invited_by);
    if (!inviter || inviter.status !== 'active' || inviter.role !== 'admin') throw tokenInvalid();
    const claimed = await trx
      .updateTable('invitations')
      .set({ accepted_at: now, open_email: null })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw tokenInvalid();
    const person = await createPerson(trx, ctx.outbox, {
      email: invitation.email,
      name,
      passwordHash,
      kind: invitation.kind,
      role: invitation.role,
      actorId: null,
    });
    await trx
      .updateTable('invitations')
      .set({ accepted_person_id: person.id })
      .where('id', '=', invitation.id)
      .execute();
    await audit(trx, {
      actorId: person.id,
      action: 'invitation.accepted',
      targetType: 'invitation',
      targetId: invitation.id,
      ip: input.ip,
      data: { kind: invitation.kind, role: invitation.role },
    });
    return person;
  });
}
