import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { FeedFollowTarget } from '../../../platform/db/schema-conversation.ts';
import { changePreference } from './feed-preference.ts';

/** Stops following a topic, record or space (idempotent). */
export function unfollowTarget(
  ctx: AppContext,
  actor: Viewer,
  target: { type: FeedFollowTarget; id: string },
) {
  return changePreference(ctx, actor, { table: 'feed_follows', on: false, event: 'feed.unfollowed', target });
}
