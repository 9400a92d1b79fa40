import { audit } from '../../../platform/audit.ts';
import { hashPassword } from '../../../platform/auth/secrets.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { createPerson } from '../../people/commands/create-person.ts';
import type { PersonRow } from '../../people/people.repository.ts';

/** `atrium admin create`: an administrator made from the command line (the operator is the actor, so null). */
export async function createAdmin(
  ctx: AppContext,
  input: { email: string; name: string; password: string },
): Promise<PersonRow> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (trx) => {
    const person = await createPerson(trx, ctx.outbox, {
      email: input.email,
      name: input.name,
      passwordHash,
      kind: 'member',
      role: 'admin',
      actorId: null,
    });
    await audit(trx, {
      actorId: null,
      action: 'cli.admin_created',
      targetType: 'person',
      targetId: person.id,
      data: { email: person.email },
    });
    return person;
  });
}
