import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';

/** The reactions module: reactions on posts and comments. */
export function registerReactions(_app: App, _ctx: AppContext): void {}
