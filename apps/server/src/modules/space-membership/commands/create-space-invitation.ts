import type { SpaceRole } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import { canSeeEmailOf, canSeePerson } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import { randomToken, sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { isoIn, newId, nowIso } from '../../../platform/db/time.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { badRequest, conflict, forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { normalizeEmail } from '../../../platform/text/normalize.ts';
import { isInternalDomain } from '../../admin/admin.repository.ts';
import { emailDomain } from '../../admin/domains.ts';
import { findPersonByEmail, findPersonById, type PersonRow } from '../../people/people.repository.ts';
import { canAssignRole } from '../../spaces/spaces.policy.ts';
import { loadSpace, requireManager } from '../load-space.ts';
import { assertLive, assertMayBelong } from '../member-writes.ts';
import { findMember, findOpenSpaceInvitation, type SpaceInvitationRow } from '../membership.repository.ts';

export const SPACE_INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

export type InviteTarget = { email: string } | { personId: string };

/**
 * Invites an existing person (in-app) or a new email address (an email with a single-use link). An
 * internal space refuses external people and addresses outside the internal domains, here and again on
 * acceptance. No usable token exists yet: the email handler mints it when it sends the link, so no secret
 * ever sits in the events table.
 */
export async function createSpaceInvitation(
  ctx: AppContext,
  input: {
    actor: Viewer & { name: string };
    handle: string;
    target: InviteTarget;
    role: SpaceRole | undefined;
    ip: string | null;
  },
): Promise<SpaceInvitationRow> {
  const role = input.role ?? 'member';
  const pending = () => conflict('A pending invitation to this space already exists for this person.');
  try {
    return await inTransaction(ctx, async (trx) => {
      const loaded = await loadSpace(trx, input.actor, input.handle);
      requireManager(loaded);
      const { space } = loaded;
      assertLive(space);
      if (!canAssignRole(loaded.membership, 'member', role)) {
        throw forbidden('Only owners can invite owners and admins.');
      }
      let person: PersonRow | undefined;
      let email: string;
      if ('personId' in input.target) {
        person = await findPersonById(trx, input.target.personId);
        // Someone the inviter may not see does not exist for them.
        if (!person || !(await canSeePerson(trx, input.actor, person))) {
          throw badRequest('No such person.', [{ path: 'body/personId', message: 'is not a person' }]);
        }
        email = person.email;
      } else {
        email = normalizeEmail(input.target.email);
        const owner = await findPersonByEmail(trx, email);
        // Only someone who may see the owner's email may learn that the address has an account (or that
        // it was deactivated): for anyone else it is answered exactly like an unknown address (an emailed
        // invitation, which the owner also finds in-app).
        person = owner && canSeeEmailOf(input.actor, owner) ? owner : undefined;
      }
      if (person) {
        if (person.status !== 'active') throw conflict('This person is deactivated.');
        assertMayBelong(person, space);
        if (await findMember(trx, space.id, person.id)) throw conflict('This person is already a member.');
      } else if (space.audience === 'internal' && !(await isInternalDomain(trx, emailDomain(email)))) {
        throw badRequest('An internal space can only invite addresses on the internal domains.', [
          { path: 'body/email', message: 'is not on an internal domain' },
        ]);
      }
      const now = nowIso();
      const open = await findOpenSpaceInvitation(trx, space.id, email);
      if (open && open.expires_at > now) throw pending();
      // An expired invitation gives up the open slot to its replacement (it stays "expired").
      if (open)
        await trx
          .updateTable('space_invitations')
          .set({ open_key: null })
          .where('id', '=', open.id)
          .execute();
      const row: SpaceInvitationRow = {
        id: newId(),
        space_id: space.id,
        email,
        person_id: person?.id ?? null,
        role,
        // Unguessable and never sent: an emailed invitation replaces it with the hash of the real token.
        token_hash: sha256(randomToken('unsent_')),
        open_key: `${space.id}:${email}`,
        invited_by: input.actor.id,
        created_at: now,
        expires_at: isoIn(SPACE_INVITATION_TTL_MS),
        accepted_at: null,
        accepted_person_id: null,
        declined_at: null,
        revoked_at: null,
      };
      await trx.insertInto('space_invitations').values(row).execute();
      await ctx.outbox.record(trx, {
        name: 'space.invitation_created',
        actorId: input.actor.id,
        subjectType: 'space_invitation',
        subjectId: row.id,
        spaceId: space.id,
        payload: {
          personId: row.person_id,
          byEmail: person === undefined,
          inviterName: input.actor.name,
        },
      });
      await audit(trx, {
        actorId: input.actor.id,
        action: 'space.invitation_created',
        targetType: 'space',
        targetId: space.id,
        ip: input.ip,
        data: { invitationId: row.id, email, personId: row.person_id, role },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw pending();
    throw error;
  }
}
