import { audit } from '../../../platform/audit.ts';
import { hashPassword } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { createPerson } from '../../people/commands/create-person.ts';
import { countAdmins, type PersonRow } from '../../people/people.repository.ts';

/** First-run onboarding: exists only while there is no admin; answers 404 afterwards. */
export async function setupFirstAdmin(
  ctx: AppContext,
  input: { name: string; email: string; password: string; ip: string | null },
): Promise<PersonRow> {
  if ((await countAdmins(ctx.db)) > 0) throw notFound();
  const hash = await hashPassword(input.password);
  try {
    return await inTransaction(ctx, async (trx) => {
      if ((await countAdmins(trx)) > 0) throw notFound();
      // A row with a fixed key: of two racing requests (under any isolation level) only one can insert it.
      await trx
        .insertInto('settings')
        .values({ key: 'setup.first_admin', value: 'claimed', updated_at: nowIso() })
        .execute();
      const person = await createPerson(trx, ctx.outbox, {
        email: input.email,
        name: input.name,
        passwordHash: hash,
        kind: 'member',
        role: 'admin',
        actorId: null,
      });
      await audit(trx, {
        actorId: person.id,
        action: 'admin.first_admin_created',
        targetType: 'person',
        targetId: person.id,
        ip: input.ip,
      });
      return person;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw notFound();
    throw error;
  }
}
