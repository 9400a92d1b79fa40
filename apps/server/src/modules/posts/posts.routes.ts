import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';

/** The posts module: posts, their kinds (questions, polls, praise, announcements), edits, shares, bookmarks and pins. */
export function registerPosts(_app: App, _ctx: AppContext): void {}
