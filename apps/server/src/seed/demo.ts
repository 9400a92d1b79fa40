import type { AppContext } from '../platform/context.ts';

/** Creates the demo organization when missing (idempotent). */
export async function ensureDemoOrganization(_ctx: AppContext, _options: { log: boolean }): Promise<void> {
  throw new Error('the demo organization is not implemented yet');
}
