import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { publishHandler } from './publish.ts';

/** Comments written, edited, hidden or deleted: on the post, and on its feed for the comment count. */
export const publishCommentNews = (ctx: Pick<AppContext, 'db' | 'bus'>): EventHandler =>
  publishHandler(ctx, 'live.publish_comment_news', [
    'comment.created',
    'comment.updated',
    'comment.deleted',
    'comment.hidden',
    'comment.unhidden',
  ]);
