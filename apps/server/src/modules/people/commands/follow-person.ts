import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest, conflict } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { insertFollow } from '../follows.repository.ts';
import { canFollow } from '../people.policy.ts';
import type { PersonRow } from '../people.repository.ts';

/** Idempotent: following twice records one follow and one `person.followed`. */
export async function followPerson(ctx: AppContext, actor: Viewer, person: PersonRow): Promise<void> {
  if (actor.id === person.id) throw badRequest('You cannot follow yourself.');
  if (!canFollow(actor, person)) throw conflict('This person is deactivated.');
  await inTransaction(ctx, async (trx) => {
    if (!(await insertFollow(trx, actor.id, person.id))) return;
    await ctx.outbox.record(trx, {
      name: 'person.followed',
      actorId: actor.id,
      subjectType: 'person',
      subjectId: person.id,
    });
  });
}
