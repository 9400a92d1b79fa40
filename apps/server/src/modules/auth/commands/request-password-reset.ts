import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { normalizeEmail } from '../../../platform/text/normalize.ts';

export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Records the request and nothing else: the same work for known and unknown emails, so neither the answer
 * nor its timing tells who has an account. The email handler looks the person up, mints the single-use
 * token and sends the link (handlers/send-password-reset-email.ts).
 */
export async function requestPasswordReset(ctx: AppContext, email: string, ip: string | null): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    await ctx.outbox.record(trx, {
      name: 'auth.password_reset_requested',
      actorId: null,
      payload: { email: normalizeEmail(email), ip },
    });
  });
}
