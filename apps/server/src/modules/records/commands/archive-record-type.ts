import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findRecordTypeByKey, type RecordTypeRow } from '../records.repository.ts';
import type { RecordTypeActor } from './create-record-type.ts';
import { recordTypeNotFound } from './update-record-type.ts';

/**
 * Archives a record type (no new records, its records become read-only but stay readable with their
 * feeds) or restores it. Audited; nothing happens when it is already in the asked state.
 */
export async function setRecordTypeArchived(
  ctx: AppContext,
  input: RecordTypeActor & { key: string; archived: boolean },
): Promise<RecordTypeRow> {
  return inTransaction(ctx, async (trx) => {
    const type = await findRecordTypeByKey(trx, input.key);
    if (!type) throw recordTypeNotFound();
    if ((type.archived_at !== null) === input.archived) return type;
    const now = nowIso();
    const next: RecordTypeRow = { ...type, archived_at: input.archived ? now : null, updated_at: now };
    await trx
      .updateTable('record_types')
      .set({ archived_at: next.archived_at, updated_at: now })
      .where('id', '=', type.id)
      .execute();
    await ctx.outbox.record(trx, {
      name: 'record_type.updated',
      actorId: input.actorId,
      subjectType: 'record_type',
      subjectId: type.id,
      payload: { key: type.key, archived: input.archived },
    });
    await audit(trx, {
      actorId: input.actorId,
      action: input.archived ? 'record_type.archived' : 'record_type.restored',
      targetType: 'record_type',
      targetId: type.id,
      ip: input.ip,
      data: { key: type.key },
    });
    return next;
  });
}
