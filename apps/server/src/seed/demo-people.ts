import type { Transaction } from 'kysely';
import { searchTextOf } from '../modules/people/handles.ts';
import type { CustomFieldValuesTable, DB, PeopleTable, PersonSkillsTable } from '../platform/db/schema.ts';
import { newId, nowIso } from '../platform/db/time.ts';
import type { Outbox } from '../platform/events/outbox.ts';
import { fieldValuesOf } from './demo-fields.ts';
import type { DemoPerson } from './demo-org.ts';

// Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits (21 columns per person).
const CHUNK = 100;

/** Same folding as modules/people/profile-fields.ts skillKeyOf. */
const skillKeyOf = (label: string): string => label.normalize('NFKC').trim().toLowerCase();

export interface InsertPeopleOptions {
  passwordHash: string;
  fields: Parameters<typeof fieldValuesOf>[2];
  onProgress?: (done: number, total: number) => void;
}

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Bulk-inserts the demo people with their skills and custom field values and records `person.joined` for
 * each, like createPerson does one at a time. Only the two demo accounts get a password. People arrive
 * managers-first, so every manager_id points at a row that already exists.
 */
export async function insertDemoPeople(
  trx: Transaction<DB>,
  outbox: Outbox,
  people: readonly DemoPerson[],
  options: InsertPeopleOptions,
): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  for (const person of people) ids.set(person.index, newId());
  const idOf = (index: number): string => {
    const id = ids.get(index);
    if (id === undefined) throw new Error(`demo person ${index} has no id`);
    return id;
  };
  const now = nowIso();
  const rows: PeopleTable[] = [];
  const skills: PersonSkillsTable[] = [];
  const values: CustomFieldValuesTable[] = [];
  for (const person of people) {
    const id = idOf(person.index);
    rows.push({
      id,
      email: person.email,
      password_hash: person.demoAccount ? options.passwordHash : null,
      name: person.name,
      handle: person.handle,
      kind: 'member',
      role: person.role,
      status: 'active',
      title: person.title,
      department: person.department,
      location: person.location,
      manager_id: person.manager === null ? null : idOf(person.manager),
      bio: person.bio,
      time_zone: person.timeZone,
      organization: null,
      avatar_file_id: null,
      search_text: searchTextOf([
        person.name,
        person.handle,
        person.title,
        person.department,
        person.location,
        ...person.skills,
      ]),
      created_at: now,
      updated_at: now,
      deactivated_at: null,
    });
    for (const label of person.skills) skills.push({ person_id: id, skill_key: skillKeyOf(label), label });
    values.push(...fieldValuesOf(person, id, options.fields));
  }

  let done = 0;
  for (const batch of chunks(rows)) {
    await trx.insertInto('people').values(batch).execute();
    for (const row of batch) {
      await outbox.record(trx, {
        name: 'person.joined',
        actorId: null,
        subjectType: 'person',
        subjectId: row.id,
        payload: { kind: row.kind },
      });
    }
    done += batch.length;
    options.onProgress?.(done, rows.length);
  }
  for (const batch of chunks(skills, 500)) await trx.insertInto('person_skills').values(batch).execute();
  for (const batch of chunks(values, 500))
    await trx.insertInto('custom_field_values').values(batch).execute();
  return ids;
}
