import type { EventName } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { FeedFollowTarget, FeedMuteTarget } from '../../../platform/db/schema-conversation.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { deletePreference, insertPreference } from '../feeds.repository.ts';

export type PreferenceTarget = { type: FeedFollowTarget | FeedMuteTarget; id: string };

/**
 * Adds or removes one follow or mute, idempotently: the event is recorded only when something changed.
 * The subject is the followed thing; no space id, so the event is never fanned out to a space's members
 * (what someone follows or mutes is theirs alone).
 */
export async function changePreference(
  ctx: AppContext,
  actor: Viewer,
  change: {
    table: 'feed_follows' | 'feed_mutes';
    on: boolean;
    event: EventName;
    target: PreferenceTarget;
  },
): Promise<void> {
  const { table, on, event, target } = change;
  await inTransaction(ctx, async (trx) => {
    const changed = on
      ? await insertPreference(trx, table, actor.id, target)
      : await deletePreference(trx, table, actor.id, target);
    if (!changed) return;
    await ctx.outbox.record(trx, {
      name: event,
      actorId: actor.id,
      subjectType: target.type,
      subjectId: target.id,
    });
  });
}
