import type { CustomFieldType, FieldVisibility } from '@atrium/contracts';
import { LIMITS } from '@atrium/contracts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { CustomFieldsTable } from '../../../platform/db/schema.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { conflict } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { customFieldStats } from '../admin.repository.ts';
import { checkedLabel, checkedOptions } from '../custom-field-rules.ts';

/** Defines a new profile field, placed after the existing ones. */
export async function createCustomField(
  ctx: AppContext,
  input: {
    actorId: string;
    key: string;
    label: string;
    type: CustomFieldType;
    options?: string[] | undefined;
    visibility: FieldVisibility;
    ip: string | null;
  },
): Promise<CustomFieldsTable> {
  const options = checkedOptions(input.type, input.options);
  const label = checkedLabel(input.label);
  const taken = () => conflict('A custom field with this key already exists.');
  try {
    return await inTransaction(ctx, async (trx) => {
      const stats = await customFieldStats(trx);
      if (stats.count >= LIMITS.customFields) {
        throw conflict(`There can be at most ${LIMITS.customFields} custom fields.`);
      }
      const existing = await trx
        .selectFrom('custom_fields')
        .select('id')
        .where('key', '=', input.key)
        .executeTakeFirst();
      if (existing) throw taken();
      const now = nowIso();
      const row: CustomFieldsTable = {
        id: newId(),
        key: input.key,
        label,
        type: input.type,
        options: JSON.stringify(options),
        visibility: input.visibility,
        position: stats.maxPosition + 1,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('custom_fields').values(row).execute();
      await ctx.outbox.record(trx, {
        name: 'admin.custom_field_changed',
        actorId: input.actorId,
        subjectType: 'custom_field',
        subjectId: row.id,
        payload: { change: 'created', key: row.key },
      });
      await audit(trx, {
        actorId: input.actorId,
        action: 'custom_field.created',
        targetType: 'custom_field',
        targetId: row.id,
        ip: input.ip,
        data: { key: row.key, type: row.type, visibility: row.visibility },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
