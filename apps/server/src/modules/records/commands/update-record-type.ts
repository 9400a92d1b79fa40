import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { checkedDefinitions, type FieldDefinitionInput, parseDefinitions } from '../record-fields.ts';
import { findRecordTypeByKey, type RecordTypeRow } from '../records.repository.ts';
import { checkedTypeName, type RecordTypeActor } from './create-record-type.ts';

export const recordTypeNotFound = () => notFound('No such record type.');

/**
 * Renames a record type and/or replaces its field list (add, remove, relabel, reorder). A kept field keeps
 * its type; a removed field's values stay stored but out of every view. Audited with what changed.
 */
export async function updateRecordType(
  ctx: AppContext,
  input: RecordTypeActor & {
    key: string;
    name?: string | undefined;
    fields?: FieldDefinitionInput[] | undefined;
  },
): Promise<RecordTypeRow> {
  const name = input.name === undefined ? undefined : checkedTypeName(input.name);
  return inTransaction(ctx, async (trx) => {
    const type = await findRecordTypeByKey(trx, input.key);
    if (!type) throw recordTypeNotFound();
    const before = parseDefinitions(type.fields);
    const after = input.fields === undefined ? before : checkedDefinitions(input.fields, before);
    const beforeKeys = new Map(before.map((field) => [field.key, field]));
    const afterKeys = new Set(after.map((field) => field.key));
    const diff = {
      added: after.filter((field) => !beforeKeys.has(field.key)).map((field) => field.key),
      removed: before.filter((field) => !afterKeys.has(field.key)).map((field) => field.key),
      changed: after
        .filter((field) => {
          const old = beforeKeys.get(field.key);
          return old !== undefined && JSON.stringify(old) !== JSON.stringify(field);
        })
        .map((field) => field.key),
    };
    const fieldsJson = JSON.stringify(after);
    const renamed = name !== undefined && name !== type.name;
    if (!renamed && fieldsJson === JSON.stringify(before)) return type;
    const next: RecordTypeRow = {
      ...type,
      name: name ?? type.name,
      fields: fieldsJson,
      updated_at: nowIso(),
    };
    await trx
      .updateTable('record_types')
      .set({ name: next.name, fields: next.fields, updated_at: next.updated_at })
      .where('id', '=', type.id)
      .execute();
    await ctx.outbox.record(trx, {
      name: 'record_type.updated',
      actorId: input.actorId,
      subjectType: 'record_type',
      subjectId: type.id,
      payload: { key: type.key, renamed, ...diff },
    });
    await audit(trx, {
      actorId: input.actorId,
      action: 'record_type.updated',
      targetType: 'record_type',
      targetId: type.id,
      ip: input.ip,
      data: { key: type.key, ...(renamed ? { name: { from: type.name, to: next.name } } : {}), ...diff },
    });
    return next;
  });
}
