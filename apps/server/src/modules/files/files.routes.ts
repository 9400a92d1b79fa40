import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';

/** The files module: attachments: upload, thumbnails and signed downloads. */
export function registerFiles(_app: App, _ctx: AppContext): void {}
