import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { badRequest, conflict } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { checkedDefinitions, type FieldDefinitionInput } from '../record-fields.ts';
import { findRecordTypeByKey, type RecordTypeRow } from '../records.repository.ts';

export interface RecordTypeActor {
  actorId: string | null;
  ip: string | null;
}

const keyTaken = () => conflict('A record type with this key already exists.');

export function checkedTypeName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '')
    throw badRequest('The name cannot be blank.', [{ path: 'body/name', message: 'is blank' }]);
  return trimmed;
}

/** Defines a record type (site admins): a key used by integrations, a name, and its fields. Audited. */
export async function createRecordType(
  ctx: AppContext,
  input: RecordTypeActor & { key: string; name: string; fields?: FieldDefinitionInput[] | undefined },
): Promise<RecordTypeRow> {
  const name = checkedTypeName(input.name);
  const fields = checkedDefinitions(input.fields ?? []);
  try {
    return await inTransaction(ctx, async (trx) => {
      if (await findRecordTypeByKey(trx, input.key)) throw keyTaken();
      const now = nowIso();
      const row: RecordTypeRow = {
        id: newId(),
        key: input.key,
        name,
        fields: JSON.stringify(fields),
        created_by: input.actorId,
        created_at: now,
        updated_at: now,
        archived_at: null,
      };
      await trx.insertInto('record_types').values(row).execute();
      await ctx.outbox.record(trx, {
        name: 'record_type.created',
        actorId: input.actorId,
        subjectType: 'record_type',
        subjectId: row.id,
        payload: { key: row.key },
      });
      await audit(trx, {
        actorId: input.actorId,
        action: 'record_type.created',
        targetType: 'record_type',
        targetId: row.id,
        ip: input.ip,
        data: { key: row.key, name, fields: fields.map((field) => field.key) },
      });
      return row;
    });
  } catch (error) {
    // Two admins creating the same key at once: the unique index decides.
    if (isUniqueViolation(error)) throw keyTaken();
    throw error;
  }
}
