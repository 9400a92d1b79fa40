import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/define-route.ts';

/** The records module: record types and records. */
export function registerRecords(_app: App, _ctx: AppContext): void {}
