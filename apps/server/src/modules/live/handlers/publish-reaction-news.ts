import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { publishHandler } from './publish.ts';

/** A reaction added or removed, as the subject's current totals (never who reacted). */
export const publishReactionNews = (ctx: Pick<AppContext, 'db' | 'bus'>): EventHandler =>
  publishHandler(ctx, 'live.publish_reaction_news', ['reaction.added', 'reaction.removed']);
