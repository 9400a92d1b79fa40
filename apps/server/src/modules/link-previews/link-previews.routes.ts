import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';

/** The link-previews module: link previews fetched through the SSRF guard. */
export function registerLinkPreviews(_app: App, _ctx: AppContext): void {}
