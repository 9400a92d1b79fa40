import { randomToken, sha256 } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { isoIn, newId, nowIso } from '../../../platform/db/time.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { normalizeEmail } from '../../../platform/text/normalize.ts';
import { findPersonByEmail } from '../../people/people.repository.ts';

export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Emails a single-use reset link to an active person. Unknown emails do nothing, and the caller answers
 * the same either way, so the endpoint does not reveal who has an account.
 */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  const person = await findPersonByEmail(ctx.db, normalizeEmail(email));
  if (!person || person.status !== 'active') return;
  const token = randomToken('pr_');
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({
        id: newId(),
        person_id: person.id,
        token_hash: sha256(token),
        created_at: nowIso(),
        expires_at: isoIn(RESET_TTL_MS),
        used_at: null,
      })
      .execute();
    await ctx.outbox.record(trx, {
      name: 'auth.password_reset_requested',
      actorId: null,
      subjectType: 'person',
      subjectId: person.id,
      payload: {
        to: person.email,
        name: person.name,
        secretLink: `${ctx.config.publicUrl}/reset-password#token=${token}`,
      },
    });
  });
}
