/**
 * A small reference model of the access model (/work/shared/design/ACCESS-MODEL.md and the Spaces and
 * People sections of docs/API-CONTRACT.md), written from the documents and deliberately independent of
 * `src/platform/access`: plain data and pure functions. The property tests compare the real API with it.
 *
 * People and spaces are identified by their handle, which is what the API shows; the world builder gives
 * every person and space a handle that says what it is (`p2.external.user.off`, `s1.internal.secret`).
 *
 * Where the documents leave a point open, the choice made here is written next to the rule.
 */

import type { Post } from './reference-posts.ts';

export type Kind = 'member' | 'external';
export type SiteRole = 'admin' | 'moderator' | 'user';
export type Status = 'active' | 'deactivated';
export type Audience = 'internal' | 'external';
export type Visibility = 'open' | 'private' | 'secret';
export type SpaceRole = 'owner' | 'admin' | 'moderator' | 'member';
export type FieldVisibility = 'everyone' | 'members';

export interface Person {
  handle: string;
  name: string;
  email: string;
  kind: Kind;
  role: SiteRole;
  status: Status;
}

export interface Space {
  handle: string;
  name: string;
  category: string | null;
  audience: Audience;
  visibility: Visibility;
  archived: boolean;
}

export interface Membership {
  space: string;
  person: string;
  role: SpaceRole;
}

/** A pending invitation of an existing person to a space. */
export interface Invitation {
  space: string;
  person: string;
  /** Who sent it. */
  by: string;
  /** The id the API gave it (to accept it). */
  id?: string;
  /**
   * Set when a change of the space made it unusable (the space stopped admitting the invitee): from then
   * on it need not be offered again, and it must never be while the space does not admit the invitee.
   */
  voided?: boolean;
}

/** A pending request to join a (private) space. */
export interface JoinRequest {
  space: string;
  person: string;
  /** The id the API gave it (to approve it). */
  id?: string;
  /** Set when a change of the space made it unusable (no longer private, or no longer admitting the requester). */
  voided?: boolean;
}

/** The internal domain of every generated world: an address on it is an employee's, any other an external's. */
export const INTERNAL_DOMAIN = 'corp.test';

/** A pending invitation of a new email address to a space (a link with a token, sent by email). */
export interface EmailInvitation {
  space: string;
  email: string;
  /** Whether the address is on an internal domain (the person it creates would be an employee). */
  internalDomain: boolean;
  by: string;
  /** The token of the emailed link, captured from the SMTP sink. */
  token?: string;
  voided?: boolean;
}

export interface CustomField {
  key: string;
  visibility: FieldVisibility;
}

/** A custom field value on a person's profile. */
export interface FieldValue {
  person: string;
  field: string;
  value: string;
}

export interface World {
  people: Person[];
  spaces: Space[];
  memberships: Membership[];
  invitations: Invitation[];
  requests: JoinRequest[];
  emailInvitations: EmailInvitation[];
  fields: CustomField[];
  values: FieldValue[];
  /** Posts with a comment and a reaction each (reference-posts.ts). */
  posts: Post[];
  /** Spaces the world's one record is shared into (external spaces only; the API refuses others). */
  recordShares: string[];
  /** Whether the record exists (its routes may not yet). */
  recordCreated?: boolean;
}

export const isActive = (p: Person): boolean => p.status === 'active';

export function roleIn(world: World, viewer: Person, space: Space): SpaceRole | undefined {
  return world.memberships.find((m) => m.space === space.handle && m.person === viewer.handle)?.role;
}

export const isMemberOf = (world: World, person: Person, space: Space): boolean =>
  roleIn(world, person, space) !== undefined;

/** "who may join": internal spaces admit members (employees) only; external spaces admit everyone. */
export const audienceAdmits = (person: Person, space: Space): boolean =>
  space.audience === 'external' || person.kind === 'member';

/**
 * May the viewer know the space exists (listed, detail 200, counted)?
 * - a member of the space: yes;
 * - secret: nobody else ("non-members get 404 everywhere"), site admins included — the contract gives
 *   admins a separate, audited overview for that;
 * - an external person: only open external spaces ("**only** the spaces they belong to, and open
 *   external spaces that admit them");
 * - an employee: open and private spaces of either audience ("listed in the directory").
 * A deactivated person sees nothing (the API answers 401 before asking).
 */
export function canSeeSpace(world: World, viewer: Person, space: Space): boolean {
  if (!isActive(viewer)) return false;
  if (isMemberOf(world, viewer, space)) return true;
  if (space.visibility === 'secret') return false;
  if (viewer.kind === 'external') return space.audience === 'external' && space.visibility === 'open';
  return true;
}

/** May the viewer read inside (members list, content)? Members of the space, or anyone of its audience when open. */
export function canReadSpace(world: World, viewer: Person, space: Space): boolean {
  if (!isActive(viewer)) return false;
  if (isMemberOf(world, viewer, space)) return true;
  return space.visibility === 'open' && audienceAdmits(viewer, space);
}

export interface SpaceQuery {
  archived?: boolean;
  /** Only the spaces the viewer belongs to. */
  mine?: boolean;
  /** One search word; matched case-insensitively against the name. */
  q?: string;
}

/** The directory: spaces the viewer may see, non-archived by default (handles, sorted). */
export function visibleSpaces(world: World, viewer: Person, query: SpaceQuery = {}): string[] {
  const archived = query.archived ?? false;
  const word = query.q?.toLowerCase();
  return world.spaces
    .filter((s) => canSeeSpace(world, viewer, s))
    .filter((s) => s.archived === archived)
    .filter((s) => !query.mine || isMemberOf(world, viewer, s))
    .filter((s) => word === undefined || s.name.toLowerCase().includes(word))
    .map((s) => s.handle)
    .sort();
}

/** Active members of a space (the people counted). */
export const activeMembers = (world: World, space: Space): Person[] =>
  world.memberships
    .filter((m) => m.space === space.handle)
    .map((m) => personByHandle(world, m.person))
    .filter(isActive);

/** `memberCount` of a space the viewer sees: the number of active members, or null unless readable. */
export function memberCount(world: World, viewer: Person, space: Space): number | null {
  return canReadSpace(world, viewer, space) ? activeMembers(world, space).length : null;
}

/** Category counts over the visible, non-archived spaces (spaces without a category are not counted). */
export function categoryCounts(world: World, viewer: Person): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const space of world.spaces) {
    if (space.archived || space.category === null || !canSeeSpace(world, viewer, space)) continue;
    counts[space.category] = (counts[space.category] ?? 0) + 1;
  }
  return counts;
}

/**
 * Who sees whom: employees see everyone (externals marked as such); an external person sees themselves
 * and the people who share a space with them (both members of it). Seeing a person is independent of
 * their status: a deactivated person's profile stays reachable (their content stays attributed), while
 * lists of people (directory, members lists) show active people only.
 */
export function canSeePerson(world: World, viewer: Person, person: Person): boolean {
  if (!isActive(viewer)) return false;
  if (viewer.kind === 'member' || viewer.handle === person.handle) return true;
  return world.spaces.some((s) => isMemberOf(world, viewer, s) && isMemberOf(world, person, s));
}

/** The people directory: active people the viewer sees, optionally matching a fragment of their name. */
export function visiblePeople(world: World, viewer: Person, q?: string): string[] {
  const word = q?.toLowerCase();
  return world.people
    .filter((p) => isActive(p) && canSeePerson(world, viewer, p))
    .filter((p) => word === undefined || p.name.toLowerCase().includes(word))
    .map((p) => p.handle)
    .sort();
}

/** Employees see emails; external people see only their own. */
export const showsEmail = (viewer: Person, person: Person): boolean =>
  viewer.kind === 'member' || viewer.handle === person.handle;

/** Field visibilities the viewer may see: 'members' fields are internal-only, even on an external's own profile. */
export const visibleFieldVisibilities = (viewer: Person): FieldVisibility[] =>
  viewer.kind === 'member' ? ['everyone', 'members'] : ['everyone'];

/** Field definitions the viewer may see (keys, sorted). */
export function visibleFields(world: World, viewer: Person): string[] {
  const allowed = visibleFieldVisibilities(viewer);
  return world.fields
    .filter((f) => allowed.includes(f.visibility))
    .map((f) => f.key)
    .sort();
}

export interface ProfileView {
  email: string | null;
  /** `key=value` of the custom fields shown, sorted. */
  customFields: string[];
}

/** A person's profile as the viewer gets it, or null for 404. */
export function profile(world: World, viewer: Person, person: Person): ProfileView | null {
  if (!canSeePerson(world, viewer, person)) return null;
  const keys = new Set(visibleFields(world, viewer));
  return {
    email: showsEmail(viewer, person) ? person.email : null,
    customFields: world.values
      .filter((v) => v.person === person.handle && keys.has(v.field))
      .map((v) => `${v.field}=${v.value}`)
      .sort(),
  };
}

export type MembersView =
  | { status: 'not-found' }
  | { status: 'forbidden' }
  | { status: 'ok'; people: string[] };

/**
 * A space's members list: 404 when the viewer may not see the space, refused (403 or 404) when they see
 * it but may not read it, else its active members that the viewer may see.
 */
export function membersList(world: World, viewer: Person, space: Space): MembersView {
  if (!canSeeSpace(world, viewer, space)) return { status: 'not-found' };
  if (!canReadSpace(world, viewer, space)) return { status: 'forbidden' };
  return {
    status: 'ok',
    people: activeMembers(world, space)
      .filter((p) => canSeePerson(world, viewer, p))
      .map((p) => p.handle)
      .sort(),
  };
}

export function personByHandle(world: World, handle: string): Person {
  const person = world.people.find((p) => p.handle === handle);
  if (!person) throw new Error(`no person ${handle} in the world`);
  return person;
}

export function spaceByHandle(world: World, handle: string): Space {
  const space = world.spaces.find((s) => s.handle === handle);
  if (!space) throw new Error(`no space ${handle} in the world`);
  return space;
}
