import type { PresenceState } from '@atrium/contracts';
import type { Viewer } from '../../platform/access/people.ts';
import { presenceVisibleAmong } from '../../platform/access/presence.ts';
import type { AppContext } from '../../platform/context.ts';
import { type PresentedStatus, presentStatus } from './presence.presenter.ts';
import { statusesOf } from './presence.repository.ts';

/** What a person summary shows of someone's presence and status. */
export interface LiveFields {
  /** Null when the viewer may not see this person's presence. */
  presence: PresenceState | null;
  /** Null when the person is plainly available (or their status has lapsed). */
  currentStatus: PresentedStatus | null;
}

/**
 * Presence and status of a page of people the viewer may already see, in a fixed number of lookups
 * whatever the page size: one visibility query (none for employees), one presence read and one status
 * query. The status is shown to whoever may see the person; presence by `presenceVisibleAmong`.
 */
export async function liveFieldsOf(
  ctx: Pick<AppContext, 'db' | 'presence'>,
  viewer: Viewer,
  personIds: readonly string[],
  now: Date = new Date(),
): Promise<Map<string, LiveFields>> {
  const ids = [...new Set(personIds)];
  const result = new Map<string, LiveFields>();
  if (ids.length === 0) return result;
  const [visible, statuses] = await Promise.all([
    presenceVisibleAmong(ctx.db, viewer, ids),
    statusesOf(ctx.db, ids),
  ]);
  const states = visible.size > 0 ? await ctx.presence.statesOf([...visible]) : new Map();
  for (const id of ids) {
    result.set(id, {
      presence: visible.has(id) ? (states.get(id) ?? 'offline') : null,
      currentStatus: presentStatus(statuses.get(id), now),
    });
  }
  return result;
}
