import type { Viewer } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { loadSpace, requireManager } from '../load-space.ts';
import { findSpaceInvitation } from '../membership.repository.ts';

/** Revokes an open invitation: its link and its in-app offer stop working at once. Twice is a no-op. */
export async function revokeSpaceInvitation(
  ctx: AppContext,
  input: { actor: Viewer; handle: string; id: string; ip: string | null },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const loaded = await loadSpace(trx, input.actor, input.handle);
    requireManager(loaded);
    const { space } = loaded;
    const invitation = await findSpaceInvitation(trx, input.id);
    if (!invitation || invitation.space_id !== space.id) throw notFound('No such invitation.');
    // External managers see only the invitations they sent (see the list); the rest do not exist for them.
    if (input.actor.kind !== 'member' && invitation.invited_by !== input.actor.id)
      throw notFound('No such invitation.');
    if (invitation.revoked_at !== null) return;
    if (invitation.accepted_at !== null) throw conflict('This invitation was already accepted.');
    if (invitation.declined_at !== null) throw conflict('This invitation was already declined.');
    await trx
      .updateTable('space_invitations')
      .set({ revoked_at: nowIso(), open_key: null })
      .where('id', '=', invitation.id)
      .execute();
    await ctx.outbox.record(trx, {
      name: 'space.invitation_revoked',
      actorId: input.actor.id,
      subjectType: 'space_invitation',
      subjectId: invitation.id,
      spaceId: space.id,
    });
    await audit(trx, {
      actorId: input.actor.id,
      action: 'space.invitation_revoked',
      targetType: 'space',
      targetId: space.id,
      ip: input.ip,
      data: { invitationId: invitation.id, email: invitation.email },
    });
  });
}
