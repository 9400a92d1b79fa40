import { hashPassword, verifyPassword } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findPersonById } from '../../people/people.repository.ts';

/** Changing the password ends every other session of the person (the current one stays). */
export async function changePassword(
  ctx: AppContext,
  input: {
    personId: string;
    currentSessionId: string | undefined;
    currentPassword: string;
    newPassword: string;
  },
): Promise<void> {
  const person = await findPersonById(ctx.db, input.personId);
  if (!person || !(await verifyPassword(person.password_hash, input.currentPassword))) {
    throw new AppError(400, 'invalid_credentials', 'Wrong password', 'The current password is not correct.');
  }
  const hash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('people')
      .set({ password_hash: hash, updated_at: nowIso() })
      .where('id', '=', person.id)
      .execute();
    let others = trx.deleteFrom('sessions').where('person_id', '=', person.id);
    if (input.currentSessionId) others = others.where('id', '!=', input.currentSessionId);
    await others.execute();
    await ctx.outbox.record(trx, {
      name: 'auth.password_changed',
      actorId: person.id,
      subjectType: 'person',
      subjectId: person.id,
    });
  });
}
