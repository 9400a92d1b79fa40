import { audit } from '../../../platform/audit.ts';
import { hashPassword, sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { badRequest, conflict, tokenInvalid } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { isInternalDomain } from '../../admin/admin.repository.ts';
import { emailDomain } from '../../admin/domains.ts';
import { createPerson } from '../../people/commands/create-person.ts';
import { findPersonByEmail, type PersonRow } from '../../people/people.repository.ts';
import { claimInvitation, usableInvitation } from '../claim-invitation.ts';
import { findSpaceInvitationByTokenHash } from '../membership.repository.ts';

/**
 * Accepts an emailed invitation from its link: creates the person (external for an external space; an
 * internal space admits only an internal-domain address, checked again here), joins the space with the
 * invitation's role. Revoked, expired, used or unknown tokens are 400 token_invalid and nothing is created.
 */
export async function acceptEmailedInvitation(
  ctx: AppContext,
  input: { token: string; name: string; password: string; ip: string | null },
): Promise<PersonRow> {
  const name = input.name.trim();
  if (name === '') throw badRequest('Enter your name.', [{ path: 'body/name', message: 'is blank' }]);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (trx) => {
    const invitation = await findSpaceInvitationByTokenHash(trx, sha256(input.token));
    // An in-app invitation has no link: its placeholder hash matches no token anyone holds.
    if (!invitation || invitation.person_id !== null) throw tokenInvalid();
    const space = await usableInvitation(trx, invitation, nowIso());
    if (!space) throw tokenInvalid();
    if (await findPersonByEmail(trx, invitation.email)) {
      throw conflict('An account with this email exists: sign in to accept the invitation.');
    }
    if (space.audience === 'internal' && !(await isInternalDomain(trx, emailDomain(invitation.email)))) {
      throw tokenInvalid();
    }
    const person = await createPerson(trx, ctx.outbox, {
      email: invitation.email,
      name,
      passwordHash,
      kind: space.audience === 'external' ? 'external' : 'member',
      role: 'user',
      actorId: null,
    });
    const claimed = await claimInvitation(trx, ctx.outbox, invitation, space, person);
    // Throwing rolls back the person created above: nothing is left behind.
    if (!claimed) throw tokenInvalid();
    await audit(trx, {
      actorId: person.id,
      action: 'space.invitation_accepted',
      targetType: 'space',
      targetId: space.id,
      ip: input.ip,
      data: { invitationId: invitation.id, kind: person.kind, role: claimed.role },
    });
    return person;
  });
}
