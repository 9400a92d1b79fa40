import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { deleteFollow } from '../follows.repository.ts';
import type { PersonRow } from '../people.repository.ts';

/** Idempotent: unfollowing someone not followed changes nothing and records nothing. */
export async function unfollowPerson(ctx: AppContext, actor: Viewer, person: PersonRow): Promise<void> {
  if (actor.id === person.id) throw badRequest('You cannot follow yourself.');
  await inTransaction(ctx, async (trx) => {
    if (!(await deleteFollow(trx, actor.id, person.id))) return;
    await ctx.outbox.record(trx, {
      name: 'person.unfollowed',
      actorId: actor.id,
      subjectType: 'person',
      subjectId: person.id,
    });
  });
}
