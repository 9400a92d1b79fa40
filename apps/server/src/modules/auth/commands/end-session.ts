import { sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';

/** Signs out the session holding `token` (sign-out); unknown tokens are simply gone already. */
export async function signOut(ctx: AppContext, input: { personId: string; token: string }): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const result = await trx
      .deleteFrom('sessions')
      .where('token_hash', '=', sha256(input.token))
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 1) {
      await ctx.outbox.record(trx, {
        name: 'auth.signed_out',
        actorId: input.personId,
        subjectType: 'person',
        subjectId: input.personId,
      });
    }
  });
}

/** Ends one of the person's own sessions (another device); anyone else's (or an unknown id) is 404. */
export async function revokeSession(
  ctx: AppContext,
  input: { personId: string; sessionId: string },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const result = await trx
      .deleteFrom('sessions')
      .where('id', '=', input.sessionId)
      .where('person_id', '=', input.personId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound();
    await ctx.outbox.record(trx, {
      name: 'auth.session_revoked',
      actorId: input.personId,
      subjectType: 'session',
      subjectId: input.sessionId,
    });
  });
}
