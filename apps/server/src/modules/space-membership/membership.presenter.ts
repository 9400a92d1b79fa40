import { canSeeEmailOf, type Viewer, visiblePeopleFilter } from '../../platform/access/people.ts';
import { peopleByIds } from '../admin/admin.repository.ts';
import { presentSummary } from '../people/people.presenter.ts';
import type { PersonRow } from '../people/people.repository.ts';
import {
  type Executor,
  type JoinRequestRow,
  type SpaceInvitationRow,
  visibleIdsAmong,
} from './membership.repository.ts';
import type { JoinRequestStatus, SpaceInvitationStatus } from './membership.schema.ts';

/** Derived, not stored: an invitation expires by the clock. */
export function spaceInvitationStatus(row: SpaceInvitationRow, now: string): SpaceInvitationStatus {
  if (row.accepted_at !== null) return 'accepted';
  if (row.declined_at !== null) return 'declined';
  if (row.revoked_at !== null) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'pending';
}

export function presentMember(
  row: PersonRow & { member_role: string; member_source: string; member_joined_at: string },
) {
  return {
    person: presentSummary(row),
    role: row.member_role as 'owner' | 'admin' | 'moderator' | 'member',
    source: row.member_source as 'manual' | 'rule' | 'default',
    joinedAt: row.member_joined_at,
  };
}

/**
 * The people named in these rows, keeping only those the viewer may see: an external space admin never
 * learns about an employee through an invitation or a request (ACCESS-MODEL.md, invariant 1).
 */
export async function visiblePeople(
  db: Executor,
  viewer: Viewer,
  ids: Array<string | null>,
): Promise<Map<string, PersonRow>> {
  const wanted = ids.filter((id): id is string => id !== null);
  const [people, visible] = await Promise.all([
    peopleByIds(db, wanted),
    visibleIdsAmong(db, visiblePeopleFilter(viewer), wanted),
  ]);
  return new Map([...people].filter(([id]) => visible.has(id)));
}

const summaryOf = (people: Map<string, PersonRow>, id: string | null) => {
  const person = id === null ? undefined : people.get(id);
  return person ? presentSummary(person) : null;
};

export function presentJoinRequest(row: JoinRequestRow, people: Map<string, PersonRow>) {
  const person = people.get(row.person_id);
  if (!person) throw new Error('join request of a person the viewer may not see');
  return {
    id: row.id,
    person: presentSummary(person),
    message: row.message,
    status: row.status as JoinRequestStatus,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    decidedBy: summaryOf(people, row.decided_by),
  };
}

export function presentSpaceInvitation(
  viewer: Viewer,
  row: SpaceInvitationRow,
  people: Map<string, PersonRow>,
  now: string,
) {
  // The address of someone already in Atrium is theirs, shown by the same rule as on their profile; an
  // address typed in for a newcomer is the inviter's own input.
  const invitee = row.person_id ?? row.accepted_person_id;
  return {
    id: row.id,
    email: invitee === null || canSeeEmailOf(viewer, { id: invitee }) ? row.email : null,
    person: summaryOf(people, row.person_id ?? row.accepted_person_id),
    role: row.role,
    status: spaceInvitationStatus(row, now),
    invitedBy: summaryOf(people, row.invited_by),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export async function presentSpaceInvitations(
  db: Executor,
  viewer: Viewer,
  rows: SpaceInvitationRow[],
  now: string,
) {
  const people = await visiblePeople(
    db,
    viewer,
    rows.flatMap((r) => [r.person_id, r.accepted_person_id, r.invited_by]),
  );
  return rows.map((row) => presentSpaceInvitation(viewer, row, people, now));
}
