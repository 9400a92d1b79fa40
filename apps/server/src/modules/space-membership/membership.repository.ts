import type { SpaceRole } from '@atrium/contracts';
import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Dialect } from '../../platform/db/connect.ts';
import type {
  DB,
  SpaceInvitationsTable,
  SpaceJoinRequestsTable,
  SpaceMembersTable,
  SpaceRulesTable,
} from '../../platform/db/schema.ts';
import { afterByName, type PersonRow, personMatches } from '../people/people.repository.ts';
import type { JoinRequestStatus, SpaceInvitationStatus } from './membership.schema.ts';

export type Executor = Kysely<DB> | Transaction<DB>;
export type MemberRow = SpaceMembersTable;
export type JoinRequestRow = SpaceJoinRequestsTable;
export type SpaceInvitationRow = SpaceInvitationsTable;
export type RuleRow = SpaceRulesTable;

/**
 * Serializes membership changes of one space (PostgreSQL row lock; SQLite runs one writer at a time), so
 * two owners leaving at once cannot both pass the "another owner remains" check.
 */
export async function lockSpace(trx: Transaction<DB>, dialect: Dialect, spaceId: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom('spaces').select('id').where('id', '=', spaceId).forUpdate().execute();
}

export function findMember(db: Executor, spaceId: string, personId: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('space_members')
    .selectAll()
    .where('space_id', '=', spaceId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Owners who can still act (active people). */
export async function countActiveOwners(db: Executor, spaceId: string): Promise<number> {
  const row = await db
    .selectFrom('space_members')
    .innerJoin('people', 'people.id', 'space_members.person_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('space_members.space_id', '=', spaceId)
    .where('space_members.role', '=', 'owner')
    .where('people.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface MemberListFilters {
  words: string[];
  /** Whether a word may also match the email: only for viewers who may see emails. */
  matchEmails?: boolean;
  role?: SpaceRole | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/** Active members the viewer may see, ordered by (name, id); limit+1 rows for keyset pagination. */
export function listMembers(
  db: Executor,
  spaceId: string,
  visible: Expression<SqlBool>,
  f: MemberListFilters,
) {
  let query = db
    .selectFrom('space_members')
    .innerJoin('people', 'people.id', 'space_members.person_id')
    .selectAll('people')
    .select([
      'space_members.role as member_role',
      'space_members.source as member_source',
      'space_members.joined_at as member_joined_at',
    ])
    .where('space_members.space_id', '=', spaceId)
    .where('people.status', '=', 'active')
    .where(visible);
  for (const word of f.words) query = query.where(personMatches(word, f.matchEmails === true));
  if (f.role !== undefined) query = query.where('space_members.role', '=', f.role);
  if (f.after !== undefined) query = query.where(afterByName(f.after));
  return query
    .orderBy('people.name')
    .orderBy('people.id')
    .limit(f.limit + 1)
    .execute();
}

/** Of these person ids, the ones the viewer may see (one query). */
export async function visibleIdsAmong(
  db: Executor,
  visible: Expression<SqlBool>,
  ids: Iterable<string>,
): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .selectFrom('people')
    .select('people.id')
    .where('people.id', 'in', unique)
    .where(visible)
    .execute();
  return new Set(rows.map((r) => r.id));
}

const keysetBefore =
  (before: [string, string]) =>
  (eb: import('kysely').ExpressionBuilder<DB, 'space_join_requests' | 'space_invitations'>) =>
    eb.or([
      eb('created_at', '<', before[0]),
      eb.and([eb('created_at', '=', before[0]), eb('id', '<', before[1])]),
    ]);

export function findJoinRequest(
  db: Executor,
  spaceId: string,
  id: string,
): Promise<JoinRequestRow | undefined> {
  return db
    .selectFrom('space_join_requests')
    .selectAll()
    .where('space_id', '=', spaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findOpenJoinRequest(db: Executor, spaceId: string, personId: string) {
  return db
    .selectFrom('space_join_requests')
    .selectAll()
    .where('open_key', '=', `${spaceId}:${personId}`)
    .executeTakeFirst();
}

/** Join requests of a space, newest first, from people the viewer may see. */
export function listJoinRequests(
  db: Executor,
  spaceId: string,
  visible: Expression<SqlBool>,
  f: { status?: JoinRequestStatus | undefined; before?: [string, string] | undefined; limit: number },
): Promise<JoinRequestRow[]> {
  let query = db
    .selectFrom('space_join_requests')
    .selectAll('space_join_requests')
    .where('space_join_requests.space_id', '=', spaceId)
    .where('space_join_requests.person_id', 'in', (eb) =>
      eb.selectFrom('people').select('people.id').where(visible),
    );
  query =
    f.status !== undefined
      ? query.where('space_join_requests.status', '=', f.status)
      : query.where('space_join_requests.status', '!=', 'cancelled');
  const before = f.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('space_join_requests.created_at', '<', before[0]),
        eb.and([
          eb('space_join_requests.created_at', '=', before[0]),
          eb('space_join_requests.id', '<', before[1]),
        ]),
      ]),
    );
  }
  return query
    .orderBy('space_join_requests.created_at', 'desc')
    .orderBy('space_join_requests.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export function findSpaceInvitation(db: Executor, id: string): Promise<SpaceInvitationRow | undefined> {
  return db.selectFrom('space_invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSpaceInvitationByTokenHash(db: Executor, hash: string) {
  return db.selectFrom('space_invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export function findOpenSpaceInvitation(db: Executor, spaceId: string, email: string) {
  return db
    .selectFrom('space_invitations')
    .selectAll()
    .where('open_key', '=', `${spaceId}:${email}`)
    .executeTakeFirst();
}

const openInvitation = sql<SqlBool>`accepted_at is null and declined_at is null and revoked_at is null`;

/** Invitations of a space, newest first; `invitedBy` limits them to one sender's. */
export function listSpaceInvitations(
  db: Executor,
  spaceId: string,
  f: {
    status?: SpaceInvitationStatus | undefined;
    invitedBy?: string | undefined;
    now: string;
    before?: [string, string] | undefined;
    limit: number;
  },
): Promise<SpaceInvitationRow[]> {
  let query = db.selectFrom('space_invitations').selectAll().where('space_id', '=', spaceId);
  if (f.invitedBy !== undefined) query = query.where('invited_by', '=', f.invitedBy);
  switch (f.status) {
    case 'pending':
      query = query.where(openInvitation).where('expires_at', '>', f.now);
      break;
    case 'expired':
      query = query.where(openInvitation).where('expires_at', '<=', f.now);
      break;
    case 'accepted':
      query = query.where('accepted_at', 'is not', null);
      break;
    case 'declined':
      query = query.where('declined_at', 'is not', null);
      break;
    case 'revoked':
      query = query.where('revoked_at', 'is not', null);
      break;
    default:
      break;
  }
  const before = f.before;
  if (before) query = query.where(keysetBefore(before));
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Pending invitations addressed to a person: in-app ones, and emailed ones to their address. */
export function pendingInvitationsFor(db: Executor, person: Pick<PersonRow, 'id' | 'email'>, now: string) {
  return db
    .selectFrom('space_invitations')
    .innerJoin('spaces', 'spaces.id', 'space_invitations.space_id')
    .selectAll('space_invitations')
    .where((eb) =>
      eb.or([
        eb('space_invitations.person_id', '=', person.id),
        eb.and([
          eb('space_invitations.person_id', 'is', null),
          eb('space_invitations.email', '=', person.email),
        ]),
      ]),
    )
    .where('space_invitations.accepted_at', 'is', null)
    .where('space_invitations.declined_at', 'is', null)
    .where('space_invitations.revoked_at', 'is', null)
    .where('space_invitations.expires_at', '>', now)
    .where('spaces.archived_at', 'is', null)
    .orderBy('space_invitations.created_at', 'desc')
    .orderBy('space_invitations.id', 'desc')
    .limit(200)
    .execute();
}

export function rulesOf(db: Executor, spaceId: string): Promise<RuleRow[]> {
  return db
    .selectFrom('space_rules')
    .selectAll()
    .where('space_id', '=', spaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Every rule of an internal space (the only ones that admit people). */
export function internalSpaceRules(db: Executor): Promise<RuleRow[]> {
  return db
    .selectFrom('space_rules')
    .innerJoin('spaces', 'spaces.id', 'space_rules.space_id')
    .selectAll('space_rules')
    .where('spaces.audience', '=', 'internal')
    .execute();
}

/** One membership with its person, for answering a change. */
export function memberWithPerson(db: Executor, spaceId: string, personId: string) {
  return db
    .selectFrom('space_members')
    .innerJoin('people', 'people.id', 'space_members.person_id')
    .selectAll('people')
    .select([
      'space_members.role as member_role',
      'space_members.source as member_source',
      'space_members.joined_at as member_joined_at',
    ])
    .where('space_members.space_id', '=', spaceId)
    .where('space_members.person_id', '=', personId)
    .executeTakeFirst();
}
