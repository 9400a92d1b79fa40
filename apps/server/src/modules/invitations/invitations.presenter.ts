import { presentSummary } from '../people/people.presenter.ts';
import type { PersonRow } from '../people/people.repository.ts';
import type { InvitationRow } from './invitations.repository.ts';
import type { InvitationStatus } from './invitations.schema.ts';

/** Derived, not stored: an invitation expires by the clock, so its status depends on "now". */
export function invitationStatus(row: InvitationRow, now: string): InvitationStatus {
  if (row.accepted_at !== null) return 'accepted';
  if (row.revoked_at !== null) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'pending';
}

export function presentInvitation(row: InvitationRow, inviters: Map<string, PersonRow>, now: string) {
  const inviter = inviters.get(row.invited_by);
  return {
    id: row.id,
    email: row.email,
    kind: row.kind,
    role: row.role,
    status: invitationStatus(row, now),
    invitedBy: inviter ? presentSummary(inviter) : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
  };
}
