import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findInvitationById } from '../invitations.repository.ts';

/** Revokes an invitation that was not accepted: its link stops working at once. Revoking twice is a no-op. */
export async function revokeInvitation(
  ctx: AppContext,
  input: { actorId: string; id: string; ip: string | null },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const invitation = await findInvitationById(trx, input.id);
    if (!invitation) throw notFound();
    if (invitation.accepted_at !== null) throw conflict('This invitation was already accepted.');
    if (invitation.revoked_at !== null) return;
    await trx
      .updateTable('invitations')
      .set({ revoked_at: nowIso(), open_email: null })
      .where('id', '=', invitation.id)
      .execute();
    await ctx.outbox.record(trx, {
      name: 'person.invitation_revoked',
      actorId: input.actorId,
      subjectType: 'invitation',
      subjectId: invitation.id,
    });
    await audit(trx, {
      actorId: input.actorId,
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: invitation.id,
      ip: input.ip,
      data: { email: invitation.email },
    });
  });
}
