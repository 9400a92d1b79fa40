import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { badRequest, conflict } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { isInternalDomain } from '../admin.repository.ts';
import { normalizeDomain } from '../domains.ts';

/** Adds a domain whose addresses are invited as members; only new invitations are affected. */
export async function addInternalDomain(
  ctx: AppContext,
  input: { actorId: string; domain: string; ip: string | null },
): Promise<{ domain: string; created_at: string }> {
  const domain = normalizeDomain(input.domain);
  if (!domain) {
    throw badRequest('Enter a bare domain name such as example.com (no scheme, path or wildcard).', [
      { path: 'body/domain', message: 'is not a domain name' },
    ]);
  }
  const taken = () => conflict('This domain is already internal.');
  try {
    return await inTransaction(ctx, async (trx) => {
      if (await isInternalDomain(trx, domain)) throw taken();
      const row = { domain, created_by: input.actorId, created_at: nowIso() };
      await trx.insertInto('internal_domains').values(row).execute();
      await ctx.outbox.record(trx, {
        name: 'admin.internal_domain_added',
        actorId: input.actorId,
        subjectType: 'internal_domain',
        subjectId: domain,
      });
      await audit(trx, {
        actorId: input.actorId,
        action: 'internal_domain.added',
        targetType: 'internal_domain',
        targetId: domain,
        ip: input.ip,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
