import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';

/** The comments module: threaded comments. */
export function registerComments(_app: App, _ctx: AppContext): void {}
