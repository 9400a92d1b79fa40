import type { Transaction } from 'kysely';
import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { applyValues, parseDefinitions, parseValues } from '../record-fields.ts';
import {
  findRecordForUpdate,
  type RecordRow,
  type RecordTypeRow,
  recordTypesByIds,
} from '../records.repository.ts';
import {
  assertEmployee,
  assertWritableType,
  checkedExternalUrl,
  checkedRecordName,
  recordNotFound,
  recordSearchText,
} from './record-input.ts';

export interface RecordChanges {
  name?: string | undefined;
  /** Merged into the stored values: keys sent are set, null clears, the others stay. */
  fields?: Record<string, unknown> | undefined;
  externalUrl?: string | null | undefined;
}

/**
 * Applies changes to a locked record row inside the caller's transaction and records `record.updated`
 * when anything changed. Used by PATCH and by the update half of an upsert.
 */
export async function writeRecordChanges(
  ctx: AppContext,
  trx: Transaction<DB>,
  actorId: string | null,
  type: RecordTypeRow,
  row: RecordRow,
  changes: RecordChanges,
): Promise<RecordRow> {
  assertWritableType(type);
  const name = changes.name === undefined ? row.name : checkedRecordName(changes.name);
  const externalUrl =
    changes.externalUrl === undefined ? row.external_url : (checkedExternalUrl(changes.externalUrl) ?? null);
  const before = parseValues(row.fields);
  const values =
    changes.fields === undefined
      ? before
      : applyValues(parseDefinitions(type.fields), changes.fields, before);
  const changedFields = [...new Set([...Object.keys(before), ...Object.keys(values)])].filter(
    (key) => before[key] !== values[key],
  );
  const changed = [
    ...(name !== row.name ? ['name'] : []),
    ...(externalUrl !== row.external_url ? ['externalUrl'] : []),
    ...(changedFields.length > 0 ? ['fields'] : []),
  ];
  if (changed.length === 0) return row;
  const next: RecordRow = {
    ...row,
    name,
    external_url: externalUrl,
    fields: JSON.stringify(values),
    search_text: recordSearchText(name, row.external_id, values),
    updated_at: nowIso(),
  };
  await trx
    .updateTable('records')
    .set({
      name: next.name,
      external_url: next.external_url,
      fields: next.fields,
      search_text: next.search_text,
      updated_at: next.updated_at,
    })
    .where('id', '=', row.id)
    .execute();
  await ctx.outbox.record(trx, {
    name: 'record.updated',
    actorId,
    subjectType: 'record',
    subjectId: row.id,
    payload: { type: type.key, changed, fields: changedFields },
  });
  return next;
}

/** Changes a record's name, field values or link back (employees; not records of archived types). */
export async function updateRecord(
  ctx: AppContext,
  input: { actor: Viewer; id: string; changes: RecordChanges },
): Promise<RecordRow> {
  assertEmployee(input.actor);
  return inTransaction(ctx, async (trx) => {
    const row = await findRecordForUpdate(trx, ctx.dialect, { id: input.id });
    if (!row) throw recordNotFound();
    const type = (await recordTypesByIds(trx, [row.type_id])).get(row.type_id);
    if (!type) throw recordNotFound();
    return writeRecordChanges(ctx, trx, input.actor.id, type, row, input.changes);
  });
}
