import type { Viewer } from '../../../platform/access/people.ts';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/http/errors.ts';
import { searchTextOf } from '../../people/handles.ts';
import type { Executor } from '../../people/people.repository.ts';
import { isHttpUrl, type StoredValues, searchableParts } from '../record-fields.ts';
import { findRecordTypeByKey, type RecordTypeRow } from '../records.repository.ts';

/** What every record write checks and normalizes, in one place for create, upsert and edit. */

export const recordNotFound = () => notFound('No such record.');

export function assertEmployee(actor: Viewer): void {
  if (actor.kind !== 'member') throw forbidden('Only employees can create or change records.');
}

export function assertWritableType(type: Pick<RecordTypeRow, 'archived_at'>): void {
  if (type.archived_at !== null) throw conflict('This record type is archived: its records are read-only.');
}

/** The type named in a request body: 400 when there is none, 409 when it is archived. */
export async function writableTypeByKey(db: Executor, key: string): Promise<RecordTypeRow> {
  const type = await findRecordTypeByKey(db, key);
  if (!type)
    throw badRequest(`There is no record type "${key}".`, [
      { path: 'body/type', message: 'is not a record type' },
    ]);
  assertWritableType(type);
  return type;
}

export function checkedRecordName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '')
    throw badRequest('The name cannot be blank.', [{ path: 'body/name', message: 'is blank' }]);
  return trimmed;
}

/** The link back to the record in its own system: http(s) only, blank clears it. */
export function checkedExternalUrl(url: string | null | undefined): string | null | undefined {
  if (url === undefined || url === null) return url;
  const trimmed = url.trim();
  if (trimmed === '') return null;
  if (!isHttpUrl(trimmed)) {
    throw badRequest('The external link must be an http(s) URL.', [
      { path: 'body/externalUrl', message: 'must be an http(s) URL' },
    ]);
  }
  return trimmed;
}

/** An external reference is a pair: the system and the record's id there; neither may be blank. */
export function checkedExternalRef(
  system: string | undefined,
  id: string | undefined,
): { system: string; id: string } | null {
  if (system === undefined && id === undefined) return null;
  const trimmed = id?.trim() ?? '';
  if (system === undefined || id === undefined) {
    const missing = system === undefined ? 'externalSystem' : 'externalId';
    throw badRequest('externalSystem and externalId go together.', [
      { path: `body/${missing}`, message: 'is required with the other one' },
    ]);
  }
  if (trimmed === '') {
    throw badRequest('The external id cannot be blank.', [{ path: 'body/externalId', message: 'is blank' }]);
  }
  return { system, id: trimmed };
}

export const recordSearchText = (name: string, externalId: string | null, values: StoredValues): string =>
  searchTextOf(searchableParts(name, externalId, values));
