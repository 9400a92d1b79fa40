import { audit } from '../../../platform/audit.ts';
import { revokeAllCredentials } from '../../../platform/auth/revoke-credentials.ts';
import { hashPassword } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { normalizeEmail } from '../../../platform/text/normalize.ts';
import { findPersonByEmail, type PersonRow } from '../../people/people.repository.ts';

/** `atrium admin reset-password`: sets a new password and ends every session and reset link of the person. */
export async function resetPasswordFromCli(
  ctx: AppContext,
  input: { email: string; password: string },
): Promise<PersonRow> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (trx) => {
    const person = await findPersonByEmail(trx, normalizeEmail(input.email));
    if (!person) throw notFound('No person has this email.');
    const now = nowIso();
    await trx
      .updateTable('people')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('id', '=', person.id)
      .execute();
    const ended = await revokeAllCredentials(trx, person.id, now);
    await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('person_id', '=', person.id)
      .where('used_at', 'is', null)
      .execute();
    await ctx.outbox.record(trx, {
      name: 'auth.password_changed',
      actorId: null,
      subjectType: 'person',
      subjectId: person.id,
    });
    await audit(trx, {
      actorId: null,
      action: 'cli.password_reset',
      targetType: 'person',
      targetId: person.id,
      data: ended,
    });
    return person;
  });
}
