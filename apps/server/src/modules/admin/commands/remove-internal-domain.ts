import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';

/** Removes an internal domain; people already created keep their kind. */
export async function removeInternalDomain(
  ctx: AppContext,
  input: { actorId: string; domain: string; ip: string | null },
): Promise<void> {
  const domain = input.domain.toLowerCase();
  await inTransaction(ctx, async (trx) => {
    const removed = await trx.deleteFrom('internal_domains').where('domain', '=', domain).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound();
    await ctx.outbox.record(trx, {
      name: 'admin.internal_domain_removed',
      actorId: input.actorId,
      subjectType: 'internal_domain',
      subjectId: domain,
    });
    await audit(trx, {
      actorId: input.actorId,
      action: 'internal_domain.removed',
      targetType: 'internal_domain',
      targetId: domain,
      ip: input.ip,
    });
  });
}
