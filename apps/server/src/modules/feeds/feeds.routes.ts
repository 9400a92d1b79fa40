import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';
import { registerFeedRoutes } from './feed.routes.ts';
import { registerFollowRoutes } from './follows.routes.ts';
import { registerTopicRoutes } from './topics.routes.ts';

/** The feeds module: feeds, topics, follows of topics, records and spaces, and mutes (ADR 0008). */
export function registerFeeds(app: App, ctx: AppContext): void {
  registerFeedRoutes(app, ctx);
  registerTopicRoutes(app, ctx);
  registerFollowRoutes(app, ctx);
}
