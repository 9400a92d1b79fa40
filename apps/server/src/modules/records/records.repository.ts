import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Dialect } from '../../platform/db/connect.ts';
import type { DB, SpacesTable } from '../../platform/db/schema.ts';
import type { RecordsTable, RecordTypesTable } from '../../platform/db/schema-conversation.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type RecordTypeRow = RecordTypesTable;
export type RecordRow = RecordsTable;

/** The type with this key; with `readable`, only if it passes that access filter. */
export function findRecordTypeByKey(
  db: Executor,
  key: string,
  readable?: Expression<SqlBool>,
): Promise<RecordTypeRow | undefined> {
  let query = db.selectFrom('record_types').selectAll().where('record_types.key', '=', key);
  if (readable !== undefined) query = query.where(readable);
  return query.executeTakeFirst();
}

export async function recordTypesByIds(db: Executor, ids: string[]): Promise<Map<string, RecordTypeRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('record_types')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Record types passing the access filter, by name; `archived` picks live (false) or archived (true) ones. */
export function listRecordTypes(
  db: Executor,
  readable: Expression<SqlBool>,
  archived: boolean,
): Promise<RecordTypeRow[]> {
  return db
    .selectFrom('record_types')
    .selectAll()
    .where(readable)
    .where('archived_at', archived ? 'is not' : 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findRecordById(db: Executor, id: string): Promise<RecordRow | undefined> {
  return db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The record for a change: on PostgreSQL its row stays locked until commit so two concurrent edits
 * merge their field values one after the other (SQLite runs one writer at a time).
 */
export function findRecordForUpdate(
  trx: Transaction<DB>,
  dialect: Dialect,
  where: { id: string } | { typeId: string; system: string; externalId: string },
): Promise<RecordRow | undefined> {
  let query = trx.selectFrom('records').selectAll();
  query =
    'id' in where
      ? query.where('id', '=', where.id)
      : query
          .where('type_id', '=', where.typeId)
          .where('external_system', '=', where.system)
          .where('external_id', '=', where.externalId);
  if (dialect === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Inserts a record unless one with the same (type, external system, external id) exists; the unique index
 * `records_external_idx` decides, so concurrent upserts of one external id cannot both insert.
 * Returns whether this call inserted.
 */
export async function insertRecordIfAbsent(trx: Transaction<DB>, row: RecordRow): Promise<boolean> {
  const result = await trx
    .insertInto('records')
    .values(row)
    .onConflict((oc) => oc.columns(['type_id', 'external_system', 'external_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface RecordListFilters {
  typeId?: string | undefined;
  /** Lower-cased, accent-folded words; every one must occur in `search_text`. */
  words: string[];
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/** LIKE with an explicit escape character: the same meaning on SQLite and PostgreSQL. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (word: string) =>
  sql<SqlBool>`records.search_text like ${`%${escapeLike(word)}%`} escape '\\'`;

/** Records by (name, id), limit+1 rows for keyset pagination. */
export function listRecords(
  db: Executor,
  readable: Expression<SqlBool>,
  f: RecordListFilters,
): Promise<RecordRow[]> {
  let query = db.selectFrom('records').selectAll('records').where(readable);
  if (f.typeId !== undefined) query = query.where('records.type_id', '=', f.typeId);
  for (const word of f.words) query = query.where(contains(word));
  const after = f.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('records.name', '>', after.name),
        eb.and([eb('records.name', '=', after.name), eb('records.id', '>', after.id)]),
      ]),
    );
  }
  return query
    .orderBy('records.name')
    .orderBy('records.id')
    .limit(f.limit + 1)
    .execute();
}

export async function followerFacts(
  db: Executor,
  recordId: string,
  viewerId: string,
): Promise<{ count: number; mine: boolean }> {
  const rows = await db
    .selectFrom('feed_follows')
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>(eb.case().when('person_id', '=', viewerId).then(1).else(0).end()).as('mine'),
    ])
    .where('target_type', '=', 'record')
    .where('target_id', '=', recordId)
    .executeTakeFirst();
  return { count: Number(rows?.n ?? 0), mine: Number(rows?.mine ?? 0) > 0 };
}

/** The spaces a record is shared into that pass the given space filter, by name. */
export function sharedSpaces(
  db: Executor,
  recordId: string,
  spaceFilter: Expression<SqlBool>,
): Promise<SpacesTable[]> {
  return db
    .selectFrom('record_shares')
    .innerJoin('spaces', 'spaces.id', 'record_shares.space_id')
    .selectAll('spaces')
    .where('record_shares.record_id', '=', recordId)
    .where(spaceFilter)
    .orderBy('spaces.name')
    .orderBy('spaces.id')
    .execute();
}
