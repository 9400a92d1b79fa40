import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/http/transaction.ts';
import { type MyStatus, presentMyStatus } from './presence.presenter.ts';
import { findStatus, type StatusRow } from './presence.repository.ts';

type Change = Partial<Pick<StatusRow, 'availability' | 'message' | 'until' | 'working_hours'>>;

const FIELDS = ['availability', 'message', 'until', 'working_hours'] as const;
const API_NAMES: Record<(typeof FIELDS)[number], string> = {
  availability: 'availability',
  message: 'message',
  until: 'until',
  working_hours: 'workingHours',
};

/**
 * Applies a change to a person's status row (created on first use) in one transaction and records
 * `person.status_changed` when anything changed. The event carries enums and the names of the changed
 * fields only: the message is the person's own words and stays out of the outbox.
 */
export async function writeStatus(
  ctx: AppContext,
  personId: string,
  change: Change,
  now: Date,
): Promise<MyStatus> {
  return inTransaction(ctx, async (trx) => {
    const before = await findStatus(trx, personId);
    const next: StatusRow = {
      person_id: personId,
      availability: before?.availability ?? 'available',
      message: before?.message ?? null,
      until: before?.until ?? null,
      working_hours: before?.working_hours ?? null,
      ...change,
      updated_at: now.toISOString(),
    };
    // Someone who never set a status is plainly available without working hours.
    const baseline = before ?? { availability: 'available', message: null, until: null, working_hours: null };
    const changed = FIELDS.filter((field) => baseline[field] !== next[field]);
    if (changed.length === 0) return presentMyStatus(before, now);
    await trx
      .insertInto('person_status')
      .values(next)
      .onConflict((oc) =>
        oc.column('person_id').doUpdateSet({
          availability: next.availability,
          message: next.message,
          until: next.until,
          working_hours: next.working_hours,
          updated_at: next.updated_at,
        }),
      )
      .execute();
    await ctx.outbox.record(trx, {
      name: 'person.status_changed',
      actorId: personId,
      subjectType: 'person',
      subjectId: personId,
      payload: {
        availability: next.availability,
        until: next.until,
        fields: changed.map((field) => API_NAMES[field]),
      },
    });
    return presentMyStatus(next, now);
  });
}
