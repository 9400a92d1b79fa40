import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';

/** The feeds module: feeds, follows of topics, records and spaces, and mutes. */
export function registerFeeds(_app: App, _ctx: AppContext): void {}
