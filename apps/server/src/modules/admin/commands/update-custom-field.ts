import type { FieldVisibility } from '@atrium/contracts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { CustomFieldsTable } from '../../../platform/db/schema.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findCustomField } from '../admin.repository.ts';
import { checkedLabel, checkedOptions } from '../custom-field-rules.ts';

/** Changes a field's label, options, visibility or position; its key and type are fixed once created. */
export async function updateCustomField(
  ctx: AppContext,
  input: {
    actorId: string;
    id: string;
    label?: string | undefined;
    options?: string[] | undefined;
    visibility?: FieldVisibility | undefined;
    position?: number | undefined;
    ip: string | null;
  },
): Promise<CustomFieldsTable> {
  return inTransaction(ctx, async (trx) => {
    const field = await findCustomField(trx, input.id);
    if (!field) throw notFound();
    const changes: Partial<CustomFieldsTable> = {};
    if (input.label !== undefined) changes.label = checkedLabel(input.label);
    if (input.options !== undefined)
      changes.options = JSON.stringify(checkedOptions(field.type, input.options));
    if (input.visibility !== undefined) changes.visibility = input.visibility;
    if (input.position !== undefined) changes.position = input.position;
    const changed = Object.keys(changes).filter(
      (key) => changes[key as keyof CustomFieldsTable] !== field[key as keyof CustomFieldsTable],
    );
    if (changed.length === 0) return field;
    const updated = { ...field, ...changes, updated_at: nowIso() };
    await trx
      .updateTable('custom_fields')
      .set({ ...changes, updated_at: updated.updated_at })
      .where('id', '=', field.id)
      .execute();
    await ctx.outbox.record(trx, {
      name: 'admin.custom_field_changed',
      actorId: input.actorId,
      subjectType: 'custom_field',
      subjectId: field.id,
      payload: { change: 'updated', key: field.key, fields: changed },
    });
    await audit(trx, {
      actorId: input.actorId,
      action: 'custom_field.updated',
      targetType: 'custom_field',
      targetId: field.id,
      ip: input.ip,
      data: { key: field.key, changed },
    });
    return updated;
  });
}
