import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findCustomField } from '../admin.repository.ts';

/** Deletes a field definition; every person's value of it goes with it (foreign key cascade). */
export async function deleteCustomField(
  ctx: AppContext,
  input: { actorId: string; id: string; ip: string | null },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const field = await findCustomField(trx, input.id);
    if (!field) throw notFound();
    await trx.deleteFrom('custom_fields').where('id', '=', field.id).execute();
    await ctx.outbox.record(trx, {
      name: 'admin.custom_field_changed',
      actorId: input.actorId,
      subjectType: 'custom_field',
      subjectId: field.id,
      payload: { change: 'deleted', key: field.key },
    });
    await audit(trx, {
      actorId: input.actorId,
      action: 'custom_field.deleted',
      targetType: 'custom_field',
      targetId: field.id,
      ip: input.ip,
      data: { key: field.key },
    });
  });
}
