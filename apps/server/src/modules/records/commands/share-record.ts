import type { Transaction } from 'kysely';
import type { Viewer } from '../../../platform/access/people.ts';
import { canSeeSpace, membershipOf } from '../../../platform/access/spaces.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { badRequest, conflict, forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { spaceNotFound } from '../../spaces/load-space.ts';
import { findSpaceById, type SpaceRow } from '../../spaces/spaces.repository.ts';
import { canShareInto } from '../records.policy.ts';
import { findRecordById, type RecordRow } from '../records.repository.ts';
import { assertEmployee, recordNotFound } from './record-input.ts';

export interface ShareInput {
  actor: Viewer;
  recordId: string;
  spaceId: string;
  ip: string | null;
}

/** The record and the space, checked: 404 for either when missing or unseen, 403 unless I manage the space. */
async function loadShare(
  trx: Transaction<DB>,
  input: ShareInput,
): Promise<{ record: RecordRow; space: SpaceRow }> {
  assertEmployee(input.actor);
  const record = await findRecordById(trx, input.recordId);
  if (!record) throw recordNotFound();
  const space = await findSpaceById(trx, input.spaceId);
  const membership = space ? await membershipOf(trx, space.id, input.actor.id) : undefined;
  if (!space || !canSeeSpace(input.actor, space, membership)) throw spaceNotFound();
  if (!canShareInto(input.actor, membership)) {
    throw forbidden('Only owners and admins of the space can share records into it or take them out.');
  }
  return { record, space };
}

/**
 * Shares a record into an external space: its members (customers, partners) may then open the record and
 * read the posts about it made in that space, never the record's own feed. Employees already see every
 * record, so an internal space is refused. Idempotent; event and audit row only when it changes.
 */
export async function shareRecord(ctx: AppContext, input: ShareInput): Promise<RecordRow> {
  return inTransaction(ctx, async (trx) => {
    const { record, space } = await loadShare(trx, input);
    if (space.audience !== 'external') {
      throw badRequest('Records are shared into external spaces only: employees already see every record.', [
        { path: 'params/spaceId', message: 'is not an external space' },
      ]);
    }
    if (space.archived_at !== null) throw conflict('This space is archived.');
    const result = await trx
      .insertInto('record_shares')
      .values({ record_id: record.id, space_id: space.id, shared_by: input.actor.id, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['record_id', 'space_id']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) await recordChange(ctx, trx, input, 'shared');
    return record;
  });
}

/** Takes a record out of a space (whatever the space's audience is now). Idempotent. */
export async function unshareRecord(ctx: AppContext, input: ShareInput): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const { record, space } = await loadShare(trx, input);
    const result = await trx
      .deleteFrom('record_shares')
      .where('record_id', '=', record.id)
      .where('space_id', '=', space.id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) > 0) await recordChange(ctx, trx, input, 'unshared');
  });
}

async function recordChange(
  ctx: AppContext,
  trx: Transaction<DB>,
  input: ShareInput,
  change: 'shared' | 'unshared',
): Promise<void> {
  await ctx.outbox.record(trx, {
    name: change === 'shared' ? 'record.shared' : 'record.unshared',
    actorId: input.actor.id,
    subjectType: 'record',
    subjectId: input.recordId,
    spaceId: input.spaceId,
  });
  await audit(trx, {
    actorId: input.actor.id,
    action: `record.${change}`,
    targetType: 'record',
    targetId: input.recordId,
    ip: input.ip,
    data: { spaceId: input.spaceId },
  });
}
