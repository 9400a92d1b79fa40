import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { FeedMuteTarget } from '../../../platform/db/schema-conversation.ts';
import { changePreference } from './feed-preference.ts';

/** Lifts a mute (idempotent). */
export function unmuteTarget(ctx: AppContext, actor: Viewer, target: { type: FeedMuteTarget; id: string }) {
  return changePreference(ctx, actor, { table: 'feed_mutes', on: false, event: 'feed.unmuted', target });
}
