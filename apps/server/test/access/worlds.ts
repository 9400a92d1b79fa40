import fc from 'fast-check';
import type {
  Audience,
  CustomField,
  FieldValue,
  Kind,
  Membership,
  Person,
  SiteRole,
  Space,
  SpaceRole,
  Visibility,
  World,
} from './reference-model.ts';
import { aboutRecordPosts, postsArb, recordSharesArb } from './world-posts-arb.ts';

/**
 * fast-check generators of small worlds: 2–8 people, 1–6 spaces, memberships with roles, and a few
 * changes to apply through the real API afterwards (joins, leaves, removals, invitations in-app and by
 * email, join requests, accepting and approving them, audience and visibility changes, archiving and
 * restoring, and attempts the system must refuse). Every person and space is named after what it is, so a counterexample reads
 * like a story: `p2.external.user` left `s1-external-open`, then `p0.member.admin` listed spaces…
 */

/** Words used by the name searches; they occur in names only (never in handles, emails or descriptions). */
export const SEARCH_WORDS = ['alpha', 'bravo', 'delta'] as const;
export const CATEGORIES = ['Engineering', 'Sales', 'Support'] as const;

/** The two profile fields of every world: one for everyone, one internal-only. */
export const FIELDS: CustomField[] = [
  { key: 'badge', visibility: 'everyone' },
  { key: 'clearance', visibility: 'members' },
];

export type Change =
  /** The person joins by themselves (POST /join); refused unless the model allows it. */
  | { type: 'join'; person: string; space: string }
  /** The person leaves (POST /leave); the last owner is refused. */
  | { type: 'leave'; person: string; space: string }
  /** `by` (null: the space's owner) removes `person` (DELETE /members/{id}); only owners and admins may. */
  | { type: 'remove'; by: string | null; person: string; space: string }
  /** `by` invites an existing person (POST /invitations {personId}); refused for an external into an internal space. */
  | { type: 'invite'; by: string | null; person: string; space: string }
  /** The person asks to join (POST /join-requests): only for private spaces the person can see. */
  | { type: 'request'; person: string; space: string }
  /**
   * The space's owner changes its audience and/or visibility (PATCH /spaces/{handle}), with
   * confirmAudienceChange when `confirm` (internal→external with members is refused without it).
   * `evict`: first remove its external members (external→internal is refused while one belongs).
   */
  | {
      type: 'settings';
      space: string;
      audience: Audience | null;
      visibility: Visibility | null;
      confirm: boolean;
      evict: boolean;
    }
  /** The space's owner archives or restores it (POST /archive, /restore). */
  | { type: 'archive'; space: string; archived: boolean }
  /**
   * The space's owner invites a new email address (POST /invitations {email}), on the internal domain or
   * outside it; the emailed link's token is captured for the preview checks.
   */
  | { type: 'inviteEmail'; space: string; internalDomain: boolean; n: number }
  /** The person accepts their in-app invitation to the space (POST /me/space-invitations/{id}/accept). */
  | { type: 'accept'; person: string; space: string }
  /** The space's owner approves the person's join request (POST /join-requests/{id}/approve). */
  | { type: 'approve'; person: string; space: string };

export interface GeneratedWorld {
  world: World;
  changes: Change[];
}

interface PersonSpec {
  kind: Kind;
  role: SiteRole;
  deactivated: boolean;
  word: number;
  badge: boolean;
  clearance: boolean;
}

interface SpaceSpec {
  audience: Audience;
  visibility: Visibility;
  archived: boolean;
  category: number;
  word: number;
}

const personSpec: fc.Arbitrary<PersonSpec> = fc.record({
  kind: fc.constantFrom<Kind>('member', 'external'),
  role: fc.constantFrom<SiteRole>('user', 'user', 'moderator', 'admin'),
  deactivated: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
  word: fc.nat(SEARCH_WORDS.length - 1),
  badge: fc.boolean(),
  clearance: fc.boolean(),
});

const spaceSpec: fc.Arbitrary<SpaceSpec> = fc.record({
  audience: fc.constantFrom<Audience>('internal', 'external'),
  visibility: fc.constantFrom<Visibility>('open', 'private', 'secret'),
  archived: fc.nat(4).map((n) => n === 0),
  category: fc.nat(CATEGORIES.length),
  word: fc.nat(SEARCH_WORDS.length - 1),
});

const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function toPeople(specs: PersonSpec[]): Person[] {
  // Spaces are created by employees: a world always has at least one.
  const hasEmployee = specs.some((s) => s.kind === 'member');
  return specs.map((spec, i) => {
    const kind: Kind = i === 0 && !hasEmployee ? 'member' : spec.kind;
    // An external person is never a site admin (nor moderator).
    const role: SiteRole = kind === 'external' ? 'user' : spec.role;
    const off = spec.deactivated ? '.off' : '';
    const word = SEARCH_WORDS[spec.word] ?? 'alpha';
    return {
      handle: `p${i}.${kind}.${role}${off}`,
      name: `P${i} ${cap(word)} ${kind} ${role}${spec.deactivated ? ' deactivated' : ''}`,
      // The mailbox part (`mbxN`) occurs in no name and no handle: the email searches look for it.
      email: `${kind}.mbx${i}@example.test`,
      kind,
      role,
      status: spec.deactivated ? 'deactivated' : 'active',
    };
  });
}

function toSpaces(specs: SpaceSpec[]): Space[] {
  return specs.map((spec, i) => {
    const word = SEARCH_WORDS[spec.word] ?? 'alpha';
    const archived = spec.archived ? '-archived' : '';
    return {
      handle: `s${i}-${spec.audience}-${spec.visibility}${archived}`,
      name: `S${i} ${cap(word)} ${spec.audience} ${spec.visibility}${spec.archived ? ' archived' : ''}`,
      category: CATEGORIES[spec.category] ?? null,
      audience: spec.audience,
      visibility: spec.visibility,
      archived: spec.archived,
    };
  });
}

const ROLE_CHOICES: Array<SpaceRole | null> = [null, null, null, 'member', 'member', 'moderator', 'admin'];

/** One owner per space (an employee), and for everyone else a role or none; never an external in an internal space. */
function toMemberships(people: Person[], spaces: Space[], owners: number[], roles: number[]): Membership[] {
  const employees = people.filter((p) => p.kind === 'member');
  const memberships: Membership[] = [];
  spaces.forEach((space, s) => {
    const owner = employees[(owners[s] ?? 0) % employees.length];
    if (!owner) throw new Error('a world always has an employee');
    memberships.push({ space: space.handle, person: owner.handle, role: 'owner' });
    people.forEach((person, p) => {
      if (person.handle === owner.handle) return;
      if (person.kind === 'external' && space.audience === 'internal') return;
      const role = ROLE_CHOICES[(roles[s * people.length + p] ?? 0) % ROLE_CHOICES.length] ?? null;
      if (role) memberships.push({ space: space.handle, person: person.handle, role });
    });
  });
  return memberships;
}

function toValues(people: Person[], specs: PersonSpec[]): FieldValue[] {
  const values: FieldValue[] = [];
  people.forEach((person, i) => {
    const spec = specs[i];
    if (spec?.badge) values.push({ person: person.handle, field: 'badge', value: `badge-${i}` });
    if (spec?.clearance) values.push({ person: person.handle, field: 'clearance', value: `clearance-${i}` });
  });
  return values;
}

/** The fragment of a person's email searched for by the email searches (in no name, handle or other field). */
export const emailFragment = (person: Person): string =>
  person.email.replace(/^[a-z]+\./, '').replace(/\.test$/, '');

/** Fragments of the search words (what someone types before finishing a name). */
export const NAME_FRAGMENTS = ['lph', 'rav', 'elt'] as const;

const audienceArb = fc.constantFrom<Audience>('internal', 'external');
const visibilityArb = fc.constantFrom<Visibility>('open', 'private', 'secret');

function settingsArb(space: fc.Arbitrary<string>): fc.Arbitrary<Change> {
  return fc
    .record({
      space,
      audience: fc.option(audienceArb, { nil: null }),
      visibility: fc.option(visibilityArb, { nil: null }),
      confirm: fc.nat(3).map((n) => n > 0),
      evict: fc.boolean(),
    })
    .map((c) => ({
      type: 'settings' as const,
      ...c,
      visibility: c.audience || c.visibility ? c.visibility : 'secret',
    }));
}

/**
 * A story around one space: it is made live and private, invitations (in-app and by email) and a join
 * request are left pending, the owner changes the space's audience or visibility (or archives it), then
 * the invitee tries to accept and the owner to approve. This is where an invitation or request made while
 * a space was external could let an external person into it once internal. Invitee and requester are
 * chosen among the people outside the space, so the invitations and requests mostly exist.
 */
function storyArb(people: Person[], spaces: Space[], memberships: Membership[]): fc.Arbitrary<Change[]> {
  return fc.constantFrom(...spaces).chain((space) => {
    const outside = people
      .filter((p) => !memberships.some((m) => m.space === space.handle && m.person === p.handle))
      .map((p) => p.handle);
    const candidates = outside.length > 0 ? outside : people.map((p) => p.handle);
    return fc
      .record({
        invitee: fc.constantFrom(...candidates),
        requester: fc.constantFrom(...candidates),
        internalDomain: fc.boolean(),
        n: fc.nat(2),
        to: fc.oneof(
          {
            weight: 3,
            arbitrary: fc.record({
              audience: audienceArb,
              visibility: fc.option(visibilityArb, { nil: null }),
            }),
          },
          { weight: 2, arbitrary: fc.record({ audience: fc.constant(null), visibility: visibilityArb }) },
          { weight: 1, arbitrary: fc.record({ archive: fc.constant(true) }) },
        ),
        confirm: fc.nat(3).map((n) => n > 0),
        evict: fc.nat(3).map((n) => n > 0),
        restore: fc.boolean(),
      })
      .map((s): Change[] => {
        const changes: Change[] = [];
        if (space.archived) changes.push({ type: 'archive', space: space.handle, archived: false });
        if (space.visibility !== 'private')
          changes.push({
            type: 'settings',
            space: space.handle,
            audience: null,
            visibility: 'private',
            confirm: false,
            evict: false,
          });
        changes.push(
          { type: 'invite', by: null, person: s.invitee, space: space.handle },
          { type: 'request', person: s.requester, space: space.handle },
          { type: 'inviteEmail', space: space.handle, internalDomain: s.internalDomain, n: s.n },
        );
        if ('archive' in s.to) {
          changes.push({ type: 'archive', space: space.handle, archived: true });
          if (s.restore) changes.push({ type: 'archive', space: space.handle, archived: false });
        } else
          changes.push({
            type: 'settings',
            space: space.handle,
            audience: s.to.audience,
            visibility: s.to.visibility,
            confirm: s.confirm,
            evict: s.evict,
          });
        changes.push(
          { type: 'accept', person: s.invitee, space: space.handle },
          { type: 'approve', person: s.requester, space: space.handle },
        );
        return changes;
      });
  });
}

function changeArb(people: Person[], spaces: Space[]): fc.Arbitrary<Change> {
  const person = fc.constantFrom(...people.map((p) => p.handle));
  const space = fc.constantFrom(...spaces.map((s) => s.handle));
  const by = fc.option(person, { nil: null });
  const externals = people.filter((p) => p.kind === 'external').map((p) => p.handle);
  const internals = spaces.filter((s) => s.audience === 'internal').map((s) => s.handle);
  // The invariant under attack: the owner of an internal space invites an external person.
  const intrusion =
    externals.length > 0 && internals.length > 0
      ? [
          fc.record({
            type: fc.constant('invite' as const),
            by: fc.constant(null),
            person: fc.constantFrom(...externals),
            space: fc.constantFrom(...internals),
          }),
        ]
      : [];
  return fc.oneof(
    ...intrusion,
    fc.record({ type: fc.constant('join' as const), person, space }),
    fc.record({ type: fc.constant('leave' as const), person, space }),
    fc.record({ type: fc.constant('remove' as const), by, person, space }),
    fc.record({ type: fc.constant('invite' as const), by, person, space }),
    fc.record({ type: fc.constant('request' as const), person, space }),
    settingsArb(space),
    fc.record({ type: fc.constant('archive' as const), space, archived: fc.boolean() }),
    fc.record({
      type: fc.constant('inviteEmail' as const),
      space,
      internalDomain: fc.boolean(),
      n: fc.nat(2),
    }),
    fc.record({ type: fc.constant('accept' as const), person, space }),
    fc.record({ type: fc.constant('approve' as const), person, space }),
  );
}

/**
 * With `communityAdmin`, the first external member of each external space is made one of its admins: an
 * external manager of a community is who the invite-by-email probe speaks as.
 */
function withCommunityAdmins(people: Person[], spaces: Space[], memberships: Membership[]): Membership[] {
  for (const space of spaces) {
    if (space.audience !== 'external') continue;
    const first = memberships.find(
      (m) => m.space === space.handle && people.find((p) => p.handle === m.person)?.kind === 'external',
    );
    if (first) first.role = 'admin';
  }
  return memberships;
}

export const worldArb: fc.Arbitrary<GeneratedWorld> = fc
  .tuple(
    fc.array(personSpec, { minLength: 2, maxLength: 8 }),
    fc.array(spaceSpec, { minLength: 1, maxLength: 6 }),
  )
  .chain(([personSpecs, spaceSpecs]) => {
    const people = toPeople(personSpecs);
    const spaces = toSpaces(spaceSpecs);
    const pairs = people.length * spaces.length;
    return fc
      .record({
        owners: fc.array(fc.nat(), { minLength: spaces.length, maxLength: spaces.length }),
        roles: fc.array(fc.nat(), { minLength: pairs, maxLength: pairs }),
        communityAdmin: fc.boolean(),
      })
      .chain(({ owners, roles, communityAdmin }) => {
        const base = toMemberships(people, spaces, owners, roles);
        const memberships = communityAdmin ? withCommunityAdmins(people, spaces, base) : base;
        return fc
          .tuple(
            postsArb(people, spaces, memberships),
            recordSharesArb(spaces),
            fc.array(
              fc.oneof(
                { weight: 2, arbitrary: changeArb(people, spaces).map((c) => [c]) },
                { weight: 1, arbitrary: storyArb(people, spaces, memberships) },
              ),
              { maxLength: 5 },
            ),
          )
          .map(([posts, recordShares, groups]) => ({
            world: {
              people,
              spaces,
              memberships,
              invitations: [],
              requests: [],
              emailInvitations: [],
              fields: FIELDS,
              values: toValues(people, personSpecs),
              posts: [...posts, ...aboutRecordPosts(spaces, memberships, recordShares, posts.length)],
              recordShares,
            },
            changes: groups.flat(),
          }));
      });
  });
