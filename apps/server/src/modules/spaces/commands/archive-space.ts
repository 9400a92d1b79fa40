import type { Viewer } from '../../../platform/access/people.ts';
import { canSeeSpace, membershipOf } from '../../../platform/access/spaces.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { spaceNotFound } from '../load-space.ts';
import { spaceAbilities } from '../spaces.policy.ts';
import { findSpaceById, joinEveryEmployee, type SpaceRow } from '../spaces.repository.ts';

/**
 * Archives (`archived: true`) or restores a space: owners and admins of the space. Archiving keeps
 * everything readable and stops new members and content; doing what is already done changes nothing.
 */
export async function setSpaceArchived(
  ctx: AppContext,
  input: { actor: Viewer; spaceId: string; archived: boolean; ip: string | null },
): Promise<SpaceRow> {
  const { actor } = input;
  return inTransaction(ctx, async (trx) => {
    const space = await findSpaceById(trx, input.spaceId);
    const membership = space ? await membershipOf(trx, space.id, actor.id) : undefined;
    if (!space || !canSeeSpace(actor, space, membership)) throw spaceNotFound();
    if (!spaceAbilities(actor, space, membership, false).archive) {
      throw forbidden('Only owners and admins of the space can archive or restore it.');
    }
    if ((space.archived_at !== null) === input.archived) return space;
    const now = nowIso();
    const archivedAt = input.archived ? now : null;
    await trx
      .updateTable('spaces')
      .set({ archived_at: archivedAt, updated_at: now })
      .where('id', '=', space.id)
      .execute();
    // A restored company-wide space takes in the employees who arrived while it was archived.
    const joined =
      !input.archived && space.is_default === 1 ? await joinEveryEmployee(trx, space.id, now) : 0;
    const name = input.archived ? 'space.archived' : 'space.restored';
    await ctx.outbox.record(trx, {
      name,
      actorId: actor.id,
      subjectType: 'space',
      subjectId: space.id,
      spaceId: space.id,
    });
    await audit(trx, {
      actorId: actor.id,
      action: name,
      targetType: 'space',
      targetId: space.id,
      ip: input.ip,
      ...(joined > 0 ? { data: { joined } } : {}),
    });
    return { ...space, archived_at: archivedAt, updated_at: now };
  });
}
