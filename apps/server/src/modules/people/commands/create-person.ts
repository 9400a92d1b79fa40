import type { PersonKind, SiteRole } from '@atrium/contracts';
import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import type { Outbox } from '../../../platform/events/outbox.ts';
import { conflict } from '../../../platform/http/errors.ts';
import { normalizeEmail } from '../../../platform/text/normalize.ts';
import { searchTextOf, uniqueHandle } from '../handles.ts';
import { findPersonByEmail, type PersonRow } from '../people.repository.ts';

export interface CreatePersonInput {
  email: string;
  name: string;
  passwordHash: string | null;
  kind: PersonKind;
  role: SiteRole;
  handle?: string;
  title?: string | null;
  department?: string | null;
  location?: string | null;
  managerId?: string | null;
  organization?: string | null;
  timeZone?: string | null;
  actorId: string | null;
}

/** Creates an active person and records `person.joined`; the caller owns the transaction. */
export async function createPerson(
  trx: Transaction<DB>,
  outbox: Outbox,
  input: CreatePersonInput,
): Promise<PersonRow> {
  const email = normalizeEmail(input.email);
  if (await findPersonByEmail(trx, email)) throw conflict('A person with this email already exists.');
  const handle = input.handle ?? (await uniqueHandle(trx, input.name || email.split('@')[0] || 'person'));
  const now = nowIso();
  const row: PersonRow = {
    id: newId(),
    email,
    password_hash: input.passwordHash,
    name: input.name,
    handle,
    kind: input.kind,
    role: input.role,
    status: 'active',
    title: input.title ?? null,
    department: input.department ?? null,
    location: input.location ?? null,
    manager_id: input.managerId ?? null,
    bio: null,
    time_zone: input.timeZone ?? null,
    organization: input.organization ?? null,
    avatar_file_id: null,
    search_text: searchTextOf([input.name, handle, input.title, input.department, input.location]),
    created_at: now,
    updated_at: now,
    deactivated_at: null,
  };
  await trx.insertInto('people').values(row).execute();
  await outbox.record(trx, {
    name: 'person.joined',
    actorId: input.actorId,
    subjectType: 'person',
    subjectId: row.id,
    payload: { kind: row.kind },
  });
  return row;
}
