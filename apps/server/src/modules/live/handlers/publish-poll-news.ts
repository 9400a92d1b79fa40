import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { publishHandler } from './publish.ts';

/**
 * A vote cast or retracted, as the poll's voter count only: per-option counts stay hidden until the viewer
 * has voted or the poll has closed, so clients refetch the poll through the API.
 */
export const publishPollNews = (ctx: Pick<AppContext, 'db' | 'bus'>): EventHandler =>
  publishHandler(ctx, 'live.publish_poll_news', ['poll.voted']);
