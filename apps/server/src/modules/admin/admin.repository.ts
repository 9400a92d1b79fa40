import type { PersonStatus, SiteRole } from '@atrium/contracts';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from '../../platform/db/connect.ts';
import type { AuditLogTable, CustomFieldsTable, DB } from '../../platform/db/schema.ts';
import { searchTextOf } from '../people/handles.ts';
import type { PersonRow } from '../people/people.repository.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** LIKE pattern for a substring, with the wildcard characters of the input escaped. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listPeopleForAdmin(
  db: Executor,
  filter: {
    q?: string | undefined;
    status?: PersonStatus | undefined;
    role?: SiteRole | undefined;
    after?: [string, string] | undefined;
    limit: number;
  },
): Promise<PersonRow[]> {
  let query = db.selectFrom('people').selectAll();
  const q = filter.q === undefined ? '' : searchTextOf([filter.q.trim()]);
  // Site admins are employees: their search matches emails too.
  if (q !== '')
    query = query.where(
      sql<boolean>`(search_text like ${containing(q)} escape '\\' or email like ${containing(q)} escape '\\')`,
    );
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.role) query = query.where('role', '=', filter.role);
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('name', '>', after[0]), eb.and([eb('name', '=', after[0]), eb('id', '>', after[1])])]),
    );
  }
  return query
    .orderBy('name')
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
}

/**
 * The ids of the active administrators. On PostgreSQL their rows are locked until commit, so two admins
 * demoting or deactivating each other at once cannot leave the site without one (SQLite serializes writers).
 */
export async function lockActiveAdmins(trx: Transaction<DB>, dialect: Dialect): Promise<string[]> {
  let query = trx
    .selectFrom('people')
    .select('id')
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .orderBy('id');
  if (dialect === 'postgres') query = query.forUpdate();
  return (await query.execute()).map((row) => row.id);
}

export async function peopleByIds(db: Executor, ids: Iterable<string>): Promise<Map<string, PersonRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('people').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export function listAudit(
  db: Executor,
  filter: {
    action?: string | undefined;
    actorId?: string | undefined;
    before?: [string, string] | undefined;
    limit: number;
  },
): Promise<AuditLogTable[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  const before = filter.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', before[0]),
        eb.and([eb('created_at', '=', before[0]), eb('id', '<', before[1])]),
      ]),
    );
  }
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

export function listInternalDomains(db: Executor) {
  return db.selectFrom('internal_domains').select(['domain', 'created_at']).orderBy('domain').execute();
}

export async function isInternalDomain(db: Executor, domain: string): Promise<boolean> {
  const row = await db
    .selectFrom('internal_domains')
    .select('domain')
    .where('domain', '=', domain)
    .executeTakeFirst();
  return row !== undefined;
}

export function listCustomFields(db: Executor): Promise<CustomFieldsTable[]> {
  return db.selectFrom('custom_fields').selectAll().orderBy('position').orderBy('key').execute();
}

export function findCustomField(db: Executor, id: string): Promise<CustomFieldsTable | undefined> {
  return db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function customFieldStats(db: Executor): Promise<{ count: number; maxPosition: number }> {
  const row = await db
    .selectFrom('custom_fields')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('position').as('max')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), maxPosition: row.max === null ? -1 : Number(row.max) };
}
