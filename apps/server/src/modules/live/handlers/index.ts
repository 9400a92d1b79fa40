import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { closeOnCredentialsEnd } from './close-on-credentials-end.ts';
import { publishCommentNews } from './publish-comment-news.ts';
import { publishPollNews } from './publish-poll-news.ts';
import { publishPostNews } from './publish-post-news.ts';
import { publishReactionNews } from './publish-reaction-news.ts';
import { recheckOnMembershipLoss } from './recheck-on-membership-loss.ts';
import { recheckOnSpaceChange } from './recheck-on-space-change.ts';

/** The live module's outbox handlers: what it pushes, and what ends or narrows a socket's access. */
export const liveHandlers = (ctx: AppContext): EventHandler[] => [
  publishPostNews(ctx),
  publishCommentNews(ctx),
  publishReactionNews(ctx),
  publishPollNews(ctx),
  recheckOnMembershipLoss(ctx),
  recheckOnSpaceChange(ctx),
  closeOnCredentialsEnd(ctx),
];
