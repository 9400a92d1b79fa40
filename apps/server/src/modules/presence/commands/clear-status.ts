import type { AppContext } from '../../../platform/context.ts';
import type { MyStatus } from '../presence.presenter.ts';
import { writeStatus } from '../status-writes.ts';

/** Back to plainly available: no message, no end. Working hours are kept. */
export async function clearStatus(
  ctx: AppContext,
  input: { personId: string; now?: Date },
): Promise<MyStatus> {
  return writeStatus(
    ctx,
    input.personId,
    { availability: 'available', message: null, until: null },
    input.now ?? new Date(),
  );
}
