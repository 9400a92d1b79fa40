import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { applyValues, parseDefinitions } from '../record-fields.ts';
import { findRecordForUpdate, insertRecordIfAbsent, type RecordRow } from '../records.repository.ts';
import {
  assertEmployee,
  checkedExternalRef,
  checkedExternalUrl,
  checkedRecordName,
  recordSearchText,
  writableTypeByKey,
} from './record-input.ts';
import { type RecordChanges, writeRecordChanges } from './update-record.ts';

export interface UpsertRecordInput extends RecordChanges {
  actor: Viewer;
  type: string;
  externalSystem: string;
  externalId: string;
  name: string;
}

/**
 * Creates or updates the record a system knows by (type, system, external id), for integrations that
 * sync their records in. The insert defers to the unique index `records_external_idx` (insert … on
 * conflict do nothing): of two concurrent calls one inserts, the other finds the row and updates it,
 * so one external id never becomes two records. Values merge on update like PATCH.
 */
export async function upsertRecord(
  ctx: AppContext,
  input: UpsertRecordInput,
): Promise<{ row: RecordRow; created: boolean }> {
  assertEmployee(input.actor);
  const name = checkedRecordName(input.name);
  const external = checkedExternalRef(input.externalSystem, input.externalId);
  if (!external) throw new Error('an upsert always has an external reference');
  const externalUrl = checkedExternalUrl(input.externalUrl);
  return inTransaction(ctx, async (trx) => {
    const type = await writableTypeByKey(trx, input.type);
    const key = { typeId: type.id, system: external.system, externalId: external.id };
    const changes = { name, fields: input.fields, externalUrl };
    const existing = await findRecordForUpdate(trx, ctx.dialect, key);
    if (existing) {
      return {
        row: await writeRecordChanges(ctx, trx, input.actor.id, type, existing, changes),
        created: false,
      };
    }
    const values = applyValues(parseDefinitions(type.fields), input.fields ?? {}, undefined);
    const now = nowIso();
    const row: RecordRow = {
      id: newId(),
      type_id: type.id,
      name,
      external_system: external.system,
      external_id: external.id,
      external_url: externalUrl ?? null,
      fields: JSON.stringify(values),
      search_text: recordSearchText(name, external.id, values),
      created_by: input.actor.id,
      created_at: now,
      updated_at: now,
    };
    if (await insertRecordIfAbsent(trx, row)) {
      await ctx.outbox.record(trx, {
        name: 'record.created',
        actorId: input.actor.id,
        subjectType: 'record',
        subjectId: row.id,
        payload: { type: type.key, externalSystem: external.system },
      });
      return { row, created: true };
    }
    // Another call inserted it after our lookup and has committed (the insert waited for it): update it.
    const winner = await findRecordForUpdate(trx, ctx.dialect, key);
    if (!winner) throw new Error('upsert lost the race to a row that is gone');
    return { row: await writeRecordChanges(ctx, trx, input.actor.id, type, winner, changes), created: false };
  });
}
