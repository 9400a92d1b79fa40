import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { FeedFollowTarget } from '../../../platform/db/schema-conversation.ts';
import { changePreference } from './feed-preference.ts';

/** Follows a topic, record or space the caller loaded through the access model (idempotent). */
export function followTarget(ctx: AppContext, actor: Viewer, target: { type: FeedFollowTarget; id: string }) {
  return changePreference(ctx, actor, { table: 'feed_follows', on: true, event: 'feed.followed', target });
}
