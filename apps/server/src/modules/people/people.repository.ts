import type { Kysely, Transaction } from 'kysely';
import type { DB, PeopleTable } from '../../platform/db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type PersonRow = PeopleTable;

export function findPersonByEmail(db: Executor, email: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findPersonById(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
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
