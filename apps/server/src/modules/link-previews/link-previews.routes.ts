import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';
import { refreshLinkPreviews } from './handlers/refresh-link-previews.ts';

/**
 * The link-previews module: previews are fetched after a post is created or edited, through the SSRF
 * guard, and shown only inside the post presenter (so only to readers of the post). No routes.
 */
export function registerLinkPreviews(_app: App, ctx: AppContext): void {
  ctx.outbox.register(refreshLinkPreviews(ctx));
}
