import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';

/** Revokes one of the person's own active tokens; anyone else's (or an unknown id) is 404. */
export async function revokeToken(
  ctx: AppContext,
  input: { personId: string; tokenId: string },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso() })
      .where('id', '=', input.tokenId)
      .where('person_id', '=', input.personId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notFound();
    await ctx.outbox.record(trx, {
      name: 'auth.token_revoked',
      actorId: input.personId,
      subjectType: 'api_token',
      subjectId: input.tokenId,
    });
  });
}
