import type { SiteRole } from '@atrium/contracts';
import { audit } from '../../../platform/audit.ts';
import { randomToken, sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { isoIn, newId, nowIso } from '../../../platform/db/time.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { conflict } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { normalizeEmail } from '../../../platform/text/normalize.ts';
import { isInternalDomain } from '../../admin/admin.repository.ts';
import { emailDomain } from '../../admin/domains.ts';
import { findPersonByEmail } from '../../people/people.repository.ts';
import { findOpenInvitation, type InvitationRow } from '../invitations.repository.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * Invites an email address. The kind follows the internal domains by exact match (member) or not
 * (external). No usable token exists yet: the email handler mints it when it sends the link, so no secret
 * is ever stored in the events table (see handlers/send-invitation-email.ts).
 */
export async function createInvitation(
  ctx: AppContext,
  input: {
    actorId: string;
    inviterName: string;
    email: string;
    role: SiteRole | undefined;
    ip: string | null;
  },
): Promise<InvitationRow> {
  const email = normalizeEmail(input.email);
  const role = input.role ?? 'user';
  const pending = () => conflict('A pending invitation for this email already exists.');
  try {
    return await inTransaction(ctx, async (trx) => {
      if (await findPersonByEmail(trx, email)) throw conflict('A person with this email already exists.');
      const now = nowIso();
      const open = await findOpenInvitation(trx, email);
      if (open && open.expires_at > now) throw pending();
      // An expired invitation gives up the email's open slot to its replacement (it stays "expired").
      if (open)
        await trx.updateTable('invitations').set({ open_email: null }).where('id', '=', open.id).execute();
      const kind = (await isInternalDomain(trx, emailDomain(email))) ? 'member' : 'external';
      if (kind === 'external' && role !== 'user') {
        throw conflict('External people cannot be administrators or moderators.');
      }
      const row: InvitationRow = {
        id: newId(),
        email,
        kind,
        role,
        // Unguessable and never sent: replaced by the hash of the real token when the email goes out.
        token_hash: sha256(randomToken('unsent_')),
        invited_by: input.actorId,
        created_at: now,
        expires_at: isoIn(INVITATION_TTL_MS),
        accepted_at: null,
        accepted_person_id: null,
        revoked_at: null,
        open_email: email,
      };
      await trx.insertInto('invitations').values(row).execute();
      await ctx.outbox.record(trx, {
        name: 'person.invited',
        actorId: input.actorId,
        subjectType: 'invitation',
        subjectId: row.id,
        payload: { to: email, kind, inviterName: input.inviterName },
      });
      await audit(trx, {
        actorId: input.actorId,
        action: 'invitation.created',
        targetType: 'invitation',
        targetId: row.id,
        ip: input.ip,
        data: { email, kind, role },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw pending();
    throw error;
  }
}
