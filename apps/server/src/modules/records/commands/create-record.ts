import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { conflict } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { applyValues, parseDefinitions } from '../record-fields.ts';
import type { RecordRow } from '../records.repository.ts';
import {
  assertEmployee,
  checkedExternalRef,
  checkedExternalUrl,
  checkedRecordName,
  recordSearchText,
  writableTypeByKey,
} from './record-input.ts';

export interface CreateRecordInput {
  /** Null only for seeding and tests: records made through the API always have an author. */
  actor: Viewer | null;
  type: string;
  name: string;
  fields?: Record<string, unknown> | undefined;
  externalSystem?: string | undefined;
  externalId?: string | undefined;
  externalUrl?: string | null | undefined;
}

const externalTaken = () =>
  conflict('A record of this type with this external id already exists: upsert it instead.');

/** Creates a record of a live type, its values checked against the type's fields. */
export async function createRecord(ctx: AppContext, input: CreateRecordInput): Promise<RecordRow> {
  if (input.actor) assertEmployee(input.actor);
  const name = checkedRecordName(input.name);
  const external = checkedExternalRef(input.externalSystem, input.externalId);
  const externalUrl = checkedExternalUrl(input.externalUrl) ?? null;
  try {
    return await inTransaction(ctx, async (trx) => {
      const type = await writableTypeByKey(trx, input.type);
      const values = applyValues(parseDefinitions(type.fields), input.fields ?? {}, undefined);
      const now = nowIso();
      const row: RecordRow = {
        id: newId(),
        type_id: type.id,
        name,
        external_system: external?.system ?? null,
        external_id: external?.id ?? null,
        external_url: externalUrl,
        fields: JSON.stringify(values),
        search_text: recordSearchText(name, external?.id ?? null, values),
        created_by: input.actor?.id ?? null,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('records').values(row).execute();
      await ctx.outbox.record(trx, {
        name: 'record.created',
        actorId: input.actor?.id ?? null,
        subjectType: 'record',
        subjectId: row.id,
        payload: { type: type.key, externalSystem: row.external_system },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw externalTaken();
    throw error;
  }
}
