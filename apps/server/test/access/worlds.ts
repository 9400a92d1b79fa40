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

/**
 * fast-check generators of small worlds: 2–8 people, 1–6 spaces, memberships with roles, and a few
 * changes to apply through the real API afterwards (joins, leaves, removals, invitations, and attempts
 * the system must refuse). Every person and space is named after what it is, so a counterexample reads
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
  | { type: 'request'; person: string; space: string };

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
      email: `p${i}.${kind}@example.test`,
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
  );
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
        changes: fc.array(changeArb(people, spaces), { maxLength: 6 }),
      })
      .map(({ owners, roles, changes }) => ({
        world: {
          people,
          spaces,
          memberships: toMemberships(people, spaces, owners, roles),
          invitations: [],
          requests: [],
          fields: FIELDS,
          values: toValues(people, personSpecs),
        },
        changes,
      }));
  });
