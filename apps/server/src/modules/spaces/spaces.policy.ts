import type { SpaceRole } from '@atrium/contracts';
import type { Viewer } from '../../platform/access/people.ts';
import {
  audienceAdmits,
  canReadSpace,
  type Membership,
  type SpaceFacts,
} from '../../platform/access/spaces.ts';

/** Pure rules for what a person may do in a space; visibility itself lives in platform/access. */
const RANK: Record<SpaceRole, number> = { owner: 4, admin: 3, moderator: 2, member: 1 };

export const roleAtLeast = (membership: Membership | undefined, role: SpaceRole): boolean =>
  membership !== undefined && RANK[membership.role] >= RANK[role];

export interface SpaceAbilities {
  read: boolean;
  join: boolean;
  requestToJoin: boolean;
  leave: boolean;
  invite: boolean;
  manageMembers: boolean;
  manageSettings: boolean;
  archive: boolean;
  changeAudience: boolean;
}

export function spaceAbilities(
  viewer: Viewer,
  space: SpaceFacts,
  membership: Membership | undefined,
  pendingRequest: boolean,
): SpaceAbilities {
  const live = space.archived_at === null;
  const manager = roleAtLeast(membership, 'admin');
  const canEnter = !membership && live && audienceAdmits(viewer, space);
  return {
    read: canReadSpace(viewer, space, membership),
    join: canEnter && space.visibility === 'open',
    // Private spaces take requests from those who can see them; secret ones are by invitation only.
    requestToJoin: canEnter && space.visibility === 'private' && viewer.kind === 'member' && !pendingRequest,
    leave: membership !== undefined,
    invite: live && manager,
    manageMembers: live && manager,
    manageSettings: manager,
    archive: manager,
    changeAudience: membership?.role === 'owner' || (manager && viewer.role === 'admin'),
  };
}

/** Who may give which role: admins manage members and moderators; only owners make admins and owners. */
export function canAssignRole(actor: Membership | undefined, from: SpaceRole, to: SpaceRole): boolean {
  if (!roleAtLeast(actor, 'admin') || !actor) return false;
  if (actor.role === 'owner') return true;
  return RANK[from] < RANK.admin && RANK[to] < RANK.admin;
}

/** An external person can never be a member of an internal space, by any path. */
export const mayBelong = (
  person: { kind: 'member' | 'external' },
  space: { audience: 'internal' | 'external' },
) => space.audience === 'external' || person.kind === 'member';
