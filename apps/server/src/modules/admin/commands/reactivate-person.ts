import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findPersonById, type PersonRow } from '../../people/people.repository.ts';

/** Lets a deactivated person sign in again; their old sessions and tokens stay ended. */
export async function reactivatePerson(
  ctx: AppContext,
  input: { actorId: string; personId: string; ip: string | null },
): Promise<PersonRow> {
  return inTransaction(ctx, async (trx) => {
    const person = await findPersonById(trx, input.personId);
    if (!person) throw notFound();
    if (person.status === 'active') return person;
    const now = nowIso();
    await trx
      .updateTable('people')
      .set({ status: 'active', deactivated_at: null, updated_at: now })
      .where('id', '=', person.id)
      .execute();
    await ctx.outbox.record(trx, {
      name: 'person.reactivated',
      actorId: input.actorId,
      subjectType: 'person',
      subjectId: person.id,
    });
    await audit(trx, {
      actorId: input.actorId,
      action: 'person.reactivated',
      targetType: 'person',
      targetId: person.id,
      ip: input.ip,
    });
    return { ...person, status: 'active', deactivated_at: null, updated_at: now };
  });
}
