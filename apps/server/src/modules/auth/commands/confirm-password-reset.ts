import { revokeAllCredentials } from '../../../platform/auth/revoke-credentials.ts';
import { hashPassword, sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { tokenInvalid } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';

/**
 * Consumes a reset token once (by POST, so link scanners cannot burn it), sets the password, and ends every
 * session and API token: whoever held the account before the recovery keeps nothing.
 */
export async function confirmPasswordReset(
  ctx: AppContext,
  input: { token: string; password: string },
): Promise<void> {
  const hash = await hashPassword(input.password);
  await inTransaction(ctx, async (trx) => {
    const now = nowIso();
    const reset = await trx
      .selectFrom('password_resets')
      .innerJoin('people', 'people.id', 'password_resets.person_id')
      .select([
        'password_resets.id',
        'password_resets.person_id',
        'password_resets.expires_at',
        'password_resets.used_at',
        'people.status',
      ])
      .where('password_resets.token_hash', '=', sha256(input.token))
      .executeTakeFirst();
    if (!reset || reset.used_at !== null || reset.expires_at <= now || reset.status !== 'active')
      throw tokenInvalid();
    const claimed = await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('id', '=', reset.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw tokenInvalid();
    // Any other outstanding reset links of this person die with this one.
    await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('person_id', '=', reset.person_id)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .updateTable('people')
      .set({ password_hash: hash, updated_at: now })
      .where('id', '=', reset.person_id)
      .execute();
    await revokeAllCredentials(trx, reset.person_id, now);
    await ctx.outbox.record(trx, {
      name: 'auth.password_changed',
      actorId: reset.person_id,
      subjectType: 'person',
      subjectId: reset.person_id,
    });
  });
}
