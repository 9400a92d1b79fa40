import type { FieldVisibility } from '@atrium/contracts';
import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import { precompiled } from '../../platform/db/precompiled.ts';
import type { CustomFieldsTable, DB, PeopleTable } from '../../platform/db/schema.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

export type PersonRow = PeopleTable;

export function findPersonByEmail(db: Executor, email: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
}

const personById = precompiled((db, id: string) => db.selectFrom('people').selectAll().where('id', '=', id), [
  '',
] as [string]);

export function findPersonById(db: Executor, id: string): Promise<PersonRow | undefined> {
  // Read on every `GET /me`: outside a transaction it runs precompiled.
  if (db.isTransaction) return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return personById(db, id);
}

export function findPersonByHandle(db: Executor, handle: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('handle', '=', handle).executeTakeFirst();
}

export async function handleExists(db: Executor, handle: string): Promise<boolean> {
  const row = await db.selectFrom('people').select('id').where('handle', '=', handle).executeTakeFirst();
  return row !== undefined;
}

export async function countAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function skillsOf(db: Executor, personId: string): Promise<Array<{ label: string }>> {
  return db
    .selectFrom('person_skills')
    .select('label')
    .where('person_id', '=', personId)
    .orderBy('label')
    .execute();
}

/** The visible-people condition from platform/access, passed in so this file stays free of rules. */
export type PeopleFilter = Expression<SqlBool>;

export interface DirectoryFilters {
  /** Lower-cased, accent-folded words; every one must occur in `search_text` (or the email, see below). */
  words: string[];
  /** Whether a word may also match the email: only for viewers who may see emails. */
  matchEmails?: boolean;
  department?: string | undefined;
  location?: string | undefined;
  skillKey?: string | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/** LIKE with an explicit escape character: the same meaning on SQLite and PostgreSQL. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
/** A word in the search text, or (for viewers allowed to see emails) in the email. */
export const personMatches = (word: string, matchEmails: boolean) => {
  const pattern = `%${escapeLike(word)}%`;
  return matchEmails
    ? sql<SqlBool>`(people.search_text like ${pattern} escape '\\' or people.email like ${pattern} escape '\\')`
    : sql<SqlBool>`people.search_text like ${pattern} escape '\\'`;
};

/** Keyset condition for lists of people ordered by (name, id): the rows after the cursor's row. */
export const afterByName = (after: { name: string; id: string }) =>
  sql<SqlBool>`(people.name > ${after.name} or (people.name = ${after.name} and people.id > ${after.id}))`;

/** Active people matching the filters, ordered by (name, id), limit+1 rows for keyset pagination. */
export function listDirectory(
  db: Executor,
  visible: PeopleFilter,
  f: DirectoryFilters,
): Promise<PersonRow[]> {
  let query = db
    .selectFrom('people')
    .selectAll('people')
    .where('people.status', '=', 'active')
    .where(visible);
  for (const word of f.words) query = query.where(personMatches(word, f.matchEmails === true));
  if (f.department !== undefined) query = query.where('people.department', '=', f.department);
  if (f.location !== undefined) query = query.where('people.location', '=', f.location);
  const skillKey = f.skillKey;
  if (skillKey !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_skills')
          .select('person_skills.person_id')
          .whereRef('person_skills.person_id', '=', 'people.id')
          .where('person_skills.skill_key', '=', skillKey),
      ),
    );
  }
  if (f.after !== undefined) query = query.where(afterByName(f.after));
  return query
    .orderBy('people.name')
    .orderBy('people.id')
    .limit(f.limit + 1)
    .execute();
}

export interface FacetRow {
  value: string;
  count: number;
}

const FACET_LIMIT = 200;

/** Value counts of one column over active visible people, most common first. */
export async function columnFacet(
  db: Executor,
  visible: PeopleFilter,
  column: 'department' | 'location',
): Promise<FacetRow[]> {
  const rows = await db
    .selectFrom('people')
    .select((eb) => [eb.ref(`people.${column}`).as('value'), eb.fn.countAll<number>().as('count')])
    .where('people.status', '=', 'active')
    .where(`people.${column}`, 'is not', null)
    .where(visible)
    .groupBy(`people.${column}`)
    .orderBy('count', 'desc')
    .orderBy('value')
    .limit(FACET_LIMIT)
    .execute();
  return rows.map((r) => ({ value: String(r.value), count: Number(r.count) }));
}

/** Skill counts over active visible people, grouped by normalized key, labelled by one of its labels. */
export async function skillFacet(db: Executor, visible: PeopleFilter): Promise<FacetRow[]> {
  const rows = await db
    .selectFrom('person_skills')
    .innerJoin('people', 'people.id', 'person_skills.person_id')
    .select((eb) => [eb.fn.min('person_skills.label').as('value'), eb.fn.countAll<number>().as('count')])
    .where('people.status', '=', 'active')
    .where(visible)
    .groupBy('person_skills.skill_key')
    .orderBy('count', 'desc')
    .orderBy('value')
    .limit(FACET_LIMIT)
    .execute();
  return rows.map((r) => ({ value: String(r.value), count: Number(r.count) }));
}

export async function replaceSkills(
  trx: Transaction<DB>,
  personId: string,
  skills: Array<{ key: string; label: string }>,
): Promise<void> {
  await trx.deleteFrom('person_skills').where('person_id', '=', personId).execute();
  if (skills.length === 0) return;
  await trx
    .insertInto('person_skills')
    .values(skills.map((s) => ({ person_id: personId, skill_key: s.key, label: s.label })))
    .execute();
}

export type CustomFieldRow = CustomFieldsTable;

export function listCustomFields(db: Executor, visibilities: FieldVisibility[]): Promise<CustomFieldRow[]> {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('visibility', 'in', visibilities)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

/** A person's values of the given fields, in field order. */
export function customValuesOf(
  db: Executor,
  personId: string,
  visibilities: FieldVisibility[],
): Promise<Array<{ key: string; label: string; type: CustomFieldRow['type']; value: string }>> {
  return db
    .selectFrom('custom_field_values')
    .innerJoin('custom_fields', 'custom_fields.id', 'custom_field_values.field_id')
    .select(['custom_fields.key', 'custom_fields.label', 'custom_fields.type', 'custom_field_values.value'])
    .where('custom_field_values.person_id', '=', personId)
    .where('custom_fields.visibility', 'in', visibilities)
    .orderBy('custom_fields.position')
    .orderBy('custom_fields.key')
    .execute();
}

export async function setCustomValue(
  trx: Transaction<DB>,
  personId: string,
  fieldId: string,
  value: string | null,
): Promise<void> {
  await trx
    .deleteFrom('custom_field_values')
    .where('person_id', '=', personId)
    .where('field_id', '=', fieldId)
    .execute();
  if (value !== null) {
    await trx
      .insertInto('custom_field_values')
      .values({ person_id: personId, field_id: fieldId, value })
      .execute();
  }
}

/** The manager chain above a person, direct manager first, at most `depth` levels (cycles cannot loop). */
export async function managerChain(db: Executor, personId: string, depth: number): Promise<PersonRow[]> {
  const rows = await db
    .withRecursive('chain(id, level)', (qb) =>
      qb
        .selectFrom('people')
        // A literal, not a parameter: PostgreSQL must type the recursive column as an integer.
        .select(['people.manager_id as id', sql<number>`1`.as('level')])
        .where('people.id', '=', personId)
        .where('people.manager_id', 'is not', null)
        .unionAll((eb) =>
          eb
            .selectFrom('chain')
            .innerJoin('people', 'people.id', 'chain.id')
            .select((b) => ['people.manager_id as id', sql<number>`${b.ref('chain.level')} + 1`.as('level')])
            .where('people.manager_id', 'is not', null)
            .where('chain.level', '<', depth),
        ),
    )
    .selectFrom('chain')
    .innerJoin('people', 'people.id', 'chain.id')
    .selectAll('people')
    .select('chain.level')
    .orderBy('chain.level')
    .execute();
  return rows.map(({ level: _level, ...person }) => person as PersonRow);
}

/** Active direct reports the viewer may see, by name. */
export function directReports(db: Executor, visible: PeopleFilter, managerId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('people')
    .selectAll('people')
    .where('people.manager_id', '=', managerId)
    .where('people.status', '=', 'active')
    .where(visible)
    .orderBy('people.name')
    .orderBy('people.id')
    .limit(500)
    .execute();
}

export function findFileKey(db: Executor, fileId: string): Promise<{ storage_key: string } | undefined> {
  return db.selectFrom('files').select('storage_key').where('id', '=', fileId).executeTakeFirst();
}
