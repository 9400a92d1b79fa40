import type { Transaction } from 'kysely';
import type { DB, SpacesTable } from '../../platform/db/schema.ts';
import { spaceAdmitsInvitee } from './claim-invitation.ts';

/**
 * After a space's audience or visibility changed: closes the invitations and join requests that the space
 * would no longer accept, so they cannot name it to someone it excludes nor let them in later.
 * - internal now: invitations to external people (or to addresses outside the internal domains) are
 *   revoked, and pending requests from external people declined;
 * - secret now: pending join requests are declined (secret spaces are by invitation only).
 */
export async function closeInadmissible(
  trx: Transaction<DB>,
  space: Pick<SpacesTable, 'id' | 'audience' | 'visibility'>,
  input: { actorId: string; now: string },
): Promise<{ invitationsRevoked: number; requestsDeclined: number }> {
  let invitationsRevoked = 0;
  let requestsDeclined = 0;
  const decline = (ids: string[]) =>
    trx
      .updateTable('space_join_requests')
      .set({ status: 'declined', open_key: null, decided_at: input.now, decided_by: input.actorId })
      .where('id', 'in', ids)
      .execute();
  if (space.audience === 'internal') {
    const open = await trx
      .selectFrom('space_invitations')
      .select(['id', 'person_id', 'email'])
      .where('space_id', '=', space.id)
      .where('open_key', 'is not', null)
      .execute();
    const refused: string[] = [];
    for (const invitation of open)
      if (!(await spaceAdmitsInvitee(trx, space, invitation))) refused.push(invitation.id);
    if (refused.length > 0) {
      await trx
        .updateTable('space_invitations')
        .set({ revoked_at: input.now, open_key: null })
        .where('id', 'in', refused)
        .execute();
    }
    invitationsRevoked = refused.length;
    const external = await trx
      .selectFrom('space_join_requests')
      .innerJoin('people', 'people.id', 'space_join_requests.person_id')
      .select('space_join_requests.id')
      .where('space_join_requests.space_id', '=', space.id)
      .where('space_join_requests.status', '=', 'pending')
      .where('people.kind', '=', 'external')
      .execute();
    if (external.length > 0) await decline(external.map((r) => r.id));
    requestsDeclined += external.length;
  }
  if (space.visibility === 'secret') {
    const pending = await trx
      .selectFrom('space_join_requests')
      .select('id')
      .where('space_id', '=', space.id)
      .where('status', '=', 'pending')
      .execute();
    if (pending.length > 0) await decline(pending.map((r) => r.id));
    requestsDeclined += pending.length;
  }
  return { invitationsRevoked, requestsDeclined };
}
