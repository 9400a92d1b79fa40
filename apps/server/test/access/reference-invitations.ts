import {
  audienceAdmits,
  canSeePerson,
  canSeeSpace,
  type EmailInvitation,
  type Invitation,
  isActive,
  isMemberOf,
  type JoinRequest,
  type Person,
  personByHandle,
  roleIn,
  type Space,
  showsEmail,
  spaceByHandle,
  type World,
} from './reference-model.ts';

/** The reference model's rules for invitations, join requests and space management (ACCESS-MODEL.md). */

/**
 * Can the invitee still accept this invitation? Only while the space admits them (an external person is
 * never let into an internal space by an invitation sent while it was external), the space is live, the
 * invitee is not in it yet, and the invitation was not made unusable by a change of the space. An
 * invitation speaks with its sender's authority: the sender must still manage the space.
 */
export function invitationUsable(world: World, invitation: Invitation): boolean {
  const space = spaceByHandle(world, invitation.space);
  const person = personByHandle(world, invitation.person);
  return (
    !invitation.voided &&
    isActive(person) &&
    !space.archived &&
    mayBelong(person, space) &&
    !isMemberOf(world, person, space) &&
    senderStillManages(world, invitation.by, space)
  );
}

/**
 * The viewer's pending invitations that must be listed (space handles, sorted): the ones they could
 * still accept. An invitation is how one enters a secret space, so the invited person sees that one
 * space's summary in it; nothing else.
 */
export function pendingInvitations(world: World, viewer: Person): string[] {
  if (!isActive(viewer)) return [];
  return world.invitations
    .filter((i) => i.person === viewer.handle && invitationUsable(world, i))
    .map((i) => i.space)
    .sort();
}

/**
 * The invitations that may be listed besides (space handles, sorted): whatever the documents leave open
 * (one made unusable by a change and admitting the invitee again since, one whose sender no longer
 * manages the space), but never one into a space that does not admit the viewer, nor an archived one.
 */
export function possibleInvitations(world: World, viewer: Person): string[] {
  if (!isActive(viewer)) return [];
  return world.invitations
    .filter((i) => i.person === viewer.handle)
    .filter((i) => {
      const space = spaceByHandle(world, i.space);
      return !space.archived && mayBelong(viewer, space) && !isMemberOf(world, viewer, space);
    })
    .map((i) => i.space)
    .sort();
}

/** Does the space admit the person an emailed invitation would create? */
export const emailAdmitted = (space: Space, invitation: EmailInvitation): boolean =>
  space.audience === 'external' || invitation.internalDomain;

/**
 * Can the link of an emailed invitation still be used (preview answers 200 naming the space)? Never for
 * an address outside the internal domains once the space is internal: a preview must not name an
 * internal space to an outsider.
 */
export function emailInvitationUsable(world: World, invitation: EmailInvitation): boolean {
  const space = spaceByHandle(world, invitation.space);
  return (
    !invitation.voided &&
    !space.archived &&
    emailAdmitted(space, invitation) &&
    senderStillManages(world, invitation.by, space)
  );
}

/** Can a pending join request still be approved? Secret spaces take no requests; the space must admit the requester. */
export function requestUsable(world: World, request: JoinRequest): boolean {
  const space = spaceByHandle(world, request.space);
  const person = personByHandle(world, request.person);
  return (
    !request.voided &&
    space.visibility === 'private' &&
    mayBelong(person, space) &&
    !isMemberOf(world, person, space)
  );
}

/**
 * After a change of a space's audience or visibility: the pending invitations and requests it no longer
 * admits become unusable for good (they may be offered again only once admitted again, never required).
 */
export function voidUnadmitted(world: World, space: Space): void {
  for (const i of world.invitations)
    if (i.space === space.handle && !mayBelong(personByHandle(world, i.person), space)) i.voided = true;
  for (const r of world.requests)
    if (
      r.space === space.handle &&
      (space.visibility !== 'private' || !mayBelong(personByHandle(world, r.person), space))
    )
      r.voided = true;
  for (const e of world.emailInvitations)
    if (e.space === space.handle && !emailAdmitted(space, e)) e.voided = true;
}

/** Owners and admins of a space manage it: its join requests and invitations lists. */
export const managesSpace = (world: World, viewer: Person, space: Space): boolean => {
  const role = roleIn(world, viewer, space);
  return isActive(viewer) && (role === 'owner' || role === 'admin');
};

export type PeopleListView =
  | { status: 'not-found' }
  | { status: 'forbidden' }
  | { status: 'ok'; required: string[]; allowed: string[] };

/**
 * A space's pending join requests (requesters' handles, sorted), for those who manage it: 404 when the
 * viewer may not see the space, refused (403 or 404) when they see it but do not manage it. The requests
 * that can still be approved must be listed; the ones a change made unusable may be.
 */
export function joinRequestsList(world: World, viewer: Person, space: Space): PeopleListView {
  if (!canSeeSpace(world, viewer, space)) return { status: 'not-found' };
  if (!managesSpace(world, viewer, space)) return { status: 'forbidden' };
  // Only requests of people the viewer may see (an external manager does not see an employee outside).
  const all = world.requests.filter(
    (r) => r.space === space.handle && canSeePerson(world, viewer, personByHandle(world, r.person)),
  );
  return {
    status: 'ok',
    required: all
      .filter((r) => requestUsable(world, r))
      .map((r) => r.person)
      .sort(),
    allowed: all.map((r) => r.person).sort(),
  };
}

/**
 * A search by a fragment of an email address finds at most the people whose email the viewer may see
 * (an external person: only themselves); whether an employee's search looks at emails at all is open.
 */
export function findableByEmail(world: World, viewer: Person, fragment: string, among: Person[]): string[] {
  return among
    .filter((p) => isActive(p) && canSeePerson(world, viewer, p) && showsEmail(viewer, p))
    .filter((p) => p.email.toLowerCase().includes(fragment.toLowerCase()))
    .map((p) => p.handle)
    .sort();
}

// ---- what the model says about attempted changes ----

/** May this person join the space by themselves (POST /join)? Open spaces whose audience admits them. */
export function mayJoin(world: World, person: Person, space: Space): boolean {
  return (
    isActive(person) &&
    !isMemberOf(world, person, space) &&
    space.visibility === 'open' &&
    audienceAdmits(person, space)
  );
}

/** May this person ever belong to the space, by any path? */
export const mayBelong = (person: Person, space: Space): boolean => audienceAdmits(person, space);

export const ownersOf = (world: World, space: Space): string[] =>
  world.memberships.filter((m) => m.space === space.handle && m.role === 'owner').map((m) => m.person);

/** Was the sender of an invitation still entitled to send it (active, owner or admin of the space)? */
function senderStillManages(world: World, by: string, space: Space): boolean {
  const sender = world.people.find((p) => p.handle === by);
  const role = sender ? roleIn(world, sender, space) : undefined;
  return sender !== undefined && isActive(sender) && (role === 'owner' || role === 'admin');
}
