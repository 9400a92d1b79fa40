import { type Expression, expressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Viewer } from '../../platform/access/people.ts';
import { readableSpacesFilter } from '../../platform/access/spaces.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { RecordsTable } from '../../platform/db/schema-conversation.ts';

/**
 * Who may open a record (ACCESS-MODEL.md: "A record's feed is visible to members; a record may be shared
 * into an external space, which makes that record's posts in that space visible to it — never the rest").
 *
 * - employees (`member` kind) open every record;
 * - an external person opens a record only while it is shared into a space they may read
 *   (`readableSpacesFilter`: their own spaces and open external ones), and then only through those spaces.
 * Anyone else gets `undefined`, which callers answer with 404, exactly like a missing record.
 */
type Executor = Kysely<DB> | Transaction<DB>;

/** Spaces the record is shared into that the viewer may read: for an external, the only way in. */
const readableShares = (db: Executor, viewer: Viewer) =>
  db
    .selectFrom('record_shares')
    .innerJoin('spaces', 'spaces.id', 'record_shares.space_id')
    .where(readableSpacesFilter(db, viewer));

/** The record if the viewer may open it, else undefined (answer 404). */
export async function findReadableRecord(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<RecordsTable | undefined> {
  let query = db.selectFrom('records').selectAll('records').where('records.id', '=', id);
  if (viewer.kind !== 'member') query = query.where(readableRecordsFilter(db, viewer));
  return query.executeTakeFirst();
}

/** `findReadableRecord` as a where-clause over `records`, for lists. */
export function readableRecordsFilter(db: Executor, viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'records'>();
  if (viewer.kind === 'member') return eb('records.id', 'is not', null);
  return eb('records.id', 'in', readableShares(db, viewer).select('record_shares.record_id'));
}

/**
 * The spaces through which the viewer reads this record's posts: for an external person, the readable
 * spaces it is shared into (posts about the record made there, and no others). Employees read the
 * record's own feed as well; this lists only shares.
 */
export async function readableShareSpaceIds(
  db: Executor,
  viewer: Viewer,
  recordId: string,
): Promise<string[]> {
  const rows = await readableShares(db, viewer)
    .select('record_shares.space_id')
    .where('record_shares.record_id', '=', recordId)
    .execute();
  return rows.map((row) => row.space_id);
}

/** A where-clause over `record_types`: employees see every type, externals those of records they may open. */
export function readableRecordTypesFilter(db: Executor, viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'record_types'>();
  if (viewer.kind === 'member') return eb('record_types.id', 'is not', null);
  const types = db.selectFrom('records').select('records.type_id').where(readableRecordsFilter(db, viewer));
  return eb('record_types.id', 'in', types);
}
