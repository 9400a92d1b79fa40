import type { SpaceAudience, SpaceRole, SpaceVisibility } from '@atrium/contracts';
import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { DB, SpacesTable } from '../../platform/db/schema.ts';
import { streamOf } from '../feeds/stream-heads.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type SpaceRow = SpacesTable;

export function findSpaceById(db: Executor, id: string): Promise<SpaceRow | undefined> {
  return db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function memberCounts(db: Executor, spaceIds: string[]): Promise<Map<string, number>> {
  if (spaceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('space_members')
    .innerJoin('people', 'people.id', 'space_members.person_id')
    .select(['space_members.space_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('space_members.space_id', 'in', spaceIds)
    .where('people.status', '=', 'active')
    .groupBy('space_members.space_id')
    .execute();
  return new Map(rows.map((r) => [r.space_id, Number(r.n)]));
}

export async function membershipsOf(
  db: Executor,
  personId: string,
  spaceIds: string[],
): Promise<Map<string, SpaceRole>> {
  if (spaceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('space_members')
    .select(['space_id', 'role'])
    .where('person_id', '=', personId)
    .where('space_id', 'in', spaceIds)
    .execute();
  return new Map(rows.map((r) => [r.space_id, r.role]));
}

export async function pendingRequestsOf(db: Executor, personId: string, spaceIds: string[]) {
  if (spaceIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('space_join_requests')
    .select(['space_id', 'id'])
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .where('space_id', 'in', spaceIds)
    .execute();
  return new Map(rows.map((r) => [r.space_id, r.id]));
}

export function findSpaceByHandle(db: Executor, handle: string): Promise<SpaceRow | undefined> {
  return db.selectFrom('spaces').selectAll().where('handle', '=', handle).executeTakeFirst();
}

export async function spaceHandleExists(db: Executor, handle: string): Promise<boolean> {
  const row = await db.selectFrom('spaces').select('id').where('handle', '=', handle).executeTakeFirst();
  return row !== undefined;
}

/** The visible-spaces condition from platform/access, passed in so this file stays free of rules. */
export type SpaceFilter = Expression<SqlBool>;

export interface SpaceListFilters {
  /** Lower-cased, accent-folded words; every one must occur in `search_text`. */
  words: string[];
  category?: string | undefined;
  audience?: SpaceAudience | undefined;
  visibility?: SpaceVisibility | undefined;
  /** Only spaces this person belongs to. */
  memberId?: string | undefined;
  /** true: archived only; false: live only; undefined: both. */
  archived?: boolean | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/** LIKE with an explicit escape character: the same meaning on SQLite and PostgreSQL. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (word: string) =>
  sql<SqlBool>`spaces.search_text like ${`%${escapeLike(word)}%`} escape '\\'`;

/** Spaces matching the filters, ordered by (name, id), limit+1 rows for keyset pagination. */
export function listSpaces(
  db: Executor,
  visible: SpaceFilter | null,
  f: SpaceListFilters,
): Promise<SpaceRow[]> {
  let query = db.selectFrom('spaces').selectAll('spaces');
  if (visible !== null) query = query.where(visible);
  for (const word of f.words) query = query.where(contains(word));
  if (f.category !== undefined) query = query.where('spaces.category', '=', f.category);
  if (f.audience !== undefined) query = query.where('spaces.audience', '=', f.audience);
  if (f.visibility !== undefined) query = query.where('spaces.visibility', '=', f.visibility);
  if (f.archived === true) query = query.where('spaces.archived_at', 'is not', null);
  if (f.archived === false) query = query.where('spaces.archived_at', 'is', null);
  const memberId = f.memberId;
  if (memberId !== undefined) {
    query = query.where('spaces.id', 'in', (eb) =>
      eb
        .selectFrom('space_members')
        .select('space_members.space_id')
        .where('space_members.person_id', '=', memberId),
    );
  }
  const after = f.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('spaces.name', '>', after.name),
        eb.and([eb('spaces.name', '=', after.name), eb('spaces.id', '>', after.id)]),
      ]),
    );
  }
  return query
    .orderBy('spaces.name')
    .orderBy('spaces.id')
    .limit(f.limit + 1)
    .execute();
}

const CATEGORY_LIMIT = 200;

/** Category counts over live spaces passing the filter, most common first. */
export async function categoryCounts(db: Executor, visible: SpaceFilter) {
  const rows = await db
    .selectFrom('spaces')
    .select(['spaces.category', (eb) => eb.fn.countAll<number>().as('n')])
    .where(visible)
    .where('spaces.archived_at', 'is', null)
    .where('spaces.category', 'is not', null)
    .groupBy('spaces.category')
    .orderBy('n', 'desc')
    .orderBy('spaces.category')
    .limit(CATEGORY_LIMIT)
    .execute();
  return rows.flatMap((r) => (r.category === null ? [] : [{ value: r.category, count: Number(r.n) }]));
}

export function rulesOf(db: Executor, spaceId: string) {
  return db
    .selectFrom('space_rules')
    .select(['id', 'field', 'value'])
    .where('space_id', '=', spaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Members other than owners: the "content" that makes an internal→external change need confirmation. */
export async function countNonOwners(db: Executor, spaceId: string): Promise<number> {
  const row = await db
    .selectFrom('space_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('space_id', '=', spaceId)
    .where('role', '!=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether any live (not deleted) post was made in the space. */
export async function hasLivePosts(db: Executor, spaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('posts')
    .select('id')
    .where('stream', '=', streamOf({ type: 'space', id: spaceId }))
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** External people (any status) who belong to the space. */
export async function countExternalMembers(db: Executor, spaceId: string): Promise<number> {
  const row = await db
    .selectFrom('space_members')
    .innerJoin('people', 'people.id', 'space_members.person_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('space_members.space_id', '=', spaceId)
    .where('people.kind', '=', 'external')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A bound text value in a select list (PostgreSQL needs the type spelled out there). */
const text = (value: string) => sql<string>`cast(${value} as text)`;

/**
 * Adds every active employee who is not yet a member to a company-wide default space, in one
 * INSERT … SELECT (portable); returns how many joined.
 */
export async function joinEveryEmployee(db: Executor, spaceId: string, now: string): Promise<number> {
  const result = await db
    .insertInto('space_members')
    .columns(['space_id', 'person_id', 'role', 'source', 'joined_at'])
    .expression((eb) =>
      eb
        .selectFrom('people')
        .select([
          text(spaceId).as('space_id'),
          'people.id as person_id',
          text('member').as('role'),
          text('default').as('source'),
          text(now).as('joined_at'),
        ])
        .where('people.kind', '=', 'member')
        .where('people.status', '=', 'active')
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('space_members as existing')
                .select('existing.person_id')
                .where('existing.space_id', '=', spaceId)
                .whereRef('existing.person_id', '=', 'people.id'),
            ),
          ),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Live default spaces this person does not belong to yet. */
export function defaultSpacesWithout(db: Executor, personId: string) {
  return db
    .selectFrom('spaces')
    .select('spaces.id')
    .where('spaces.is_default', '=', 1)
    .where('spaces.archived_at', 'is', null)
    .where('spaces.audience', '=', 'internal')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('space_members')
            .select('space_members.person_id')
            .whereRef('space_members.space_id', '=', 'spaces.id')
            .where('space_members.person_id', '=', personId),
        ),
      ),
    )
    .execute();
}

export async function findFileKey(db: Executor, fileId: string) {
  return db.selectFrom('files').select('storage_key').where('id', '=', fileId).executeTakeFirst();
}
