import type { SpaceRole } from '@atrium/contracts';
import type { Transaction } from 'kysely';
import type { DB, SpacesTable } from '../../platform/db/schema.ts';
import { nowIso } from '../../platform/db/time.ts';
import type { Outbox } from '../../platform/events/outbox.ts';
import { isInternalDomain } from '../admin/admin.repository.ts';
import { emailDomain } from '../admin/domains.ts';
import type { PersonRow } from '../people/people.repository.ts';
import { roleAtLeast } from '../spaces/spaces.policy.ts';
import { findSpaceById } from '../spaces/spaces.repository.ts';
import { addMember } from './member-writes.ts';
import { findMember, type SpaceInvitationRow } from './membership.repository.ts';

/**
 * Whether the space (as it is now) still admits the invitee: an internal space admits employees only —
 * an existing person of kind member, or a newcomer whose address is on an internal domain.
 */
export async function spaceAdmitsInvitee(
  db: Transaction<DB> | import('kysely').Kysely<DB>,
  space: Pick<SpacesTable, 'audience'>,
  invitation: Pick<SpaceInvitationRow, 'person_id' | 'email'>,
): Promise<boolean> {
  if (space.audience === 'external') return true;
  if (invitation.person_id !== null) {
    const person = await db
      .selectFrom('people')
      .select('kind')
      .where('id', '=', invitation.person_id)
      .executeTakeFirst();
    return person?.kind === 'member';
  }
  const existing = await db
    .selectFrom('people')
    .select('kind')
    .where('email', '=', invitation.email)
    .executeTakeFirst();
  if (existing) return existing.kind === 'member';
  return isInternalDomain(db, emailDomain(invitation.email));
}

/**
 * Whether an invitation can still be used: open, not expired, its space live and still admitting the
 * invitee, and its sender still active and still an owner or admin there (an invitation speaks with its
 * sender's authority).
 */
export async function usableInvitation(
  trx: Transaction<DB> | import('kysely').Kysely<DB>,
  invitation: SpaceInvitationRow,
  now: string,
): Promise<SpacesTable | undefined> {
  if (invitation.accepted_at || invitation.declined_at || invitation.revoked_at) return undefined;
  if (invitation.expires_at <= now) return undefined;
  const space = await findSpaceById(trx, invitation.space_id);
  if (!space || space.archived_at !== null) return undefined;
  if (!(await spaceAdmitsInvitee(trx, space, invitation))) return undefined;
  const inviter = await trx
    .selectFrom('people')
    .select('status')
    .where('id', '=', invitation.invited_by)
    .executeTakeFirst();
  if (inviter?.status !== 'active') return undefined;
  const membership = await findMember(trx, space.id, invitation.invited_by);
  return roleAtLeast(membership, 'admin') ? space : undefined;
}

/**
 * Marks the invitation accepted by a conditional update (single use, even under races), then adds the
 * person with the invitation's role (never past mayBelong). Returns undefined when it was no longer open.
 */
export async function claimInvitation(
  trx: Transaction<DB>,
  outbox: Outbox,
  invitation: SpaceInvitationRow,
  space: SpacesTable,
  person: Pick<PersonRow, 'id' | 'kind'>,
): Promise<{ role: SpaceRole } | undefined> {
  const now = nowIso();
  const claimed = await trx
    .updateTable('space_invitations')
    .set({ accepted_at: now, accepted_person_id: person.id, open_key: null })
    .where('id', '=', invitation.id)
    .where('accepted_at', 'is', null)
    .where('declined_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return undefined;
  const membership = await addMember(trx, outbox, {
    space,
    person,
    role: invitation.role,
    source: 'manual',
    actorId: person.id,
  });
  await outbox.record(trx, {
    name: 'space.invitation_accepted',
    actorId: person.id,
    subjectType: 'space_invitation',
    subjectId: invitation.id,
    spaceId: space.id,
    payload: { personId: person.id, role: membership.role },
  });
  return { role: membership.role };
}
