import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { FeedMuteTarget } from '../../../platform/db/schema-conversation.ts';
import { changePreference } from './feed-preference.ts';

/** Mutes a space, topic or person in my home feed (idempotent). */
export function muteTarget(ctx: AppContext, actor: Viewer, target: { type: FeedMuteTarget; id: string }) {
  return changePreference(ctx, actor, { table: 'feed_mutes', on: true, event: 'feed.muted', target });
}
