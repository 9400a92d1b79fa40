import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { publishHandler } from './publish.ts';

/** New, edited, hidden, shown again and deleted posts, on the post's feed and on the post itself. */
export const publishPostNews = (ctx: Pick<AppContext, 'db' | 'bus'>): EventHandler =>
  publishHandler(ctx, 'live.publish_post_news', [
    'post.created',
    'post.updated',
    'post.deleted',
    'post.hidden',
    'post.unhidden',
  ]);
