import type { AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/http/errors.ts';
import type { MyStatus } from '../presence.presenter.ts';
import { writeStatus } from '../status-writes.ts';
import { isHhMm, serializeWorkingHours, type WorkingHours } from '../working-hours.ts';

/**
 * Sets (or with null clears) the actor's working hours, read in their time zone. A window whose end is
 * before its start runs over midnight (a night shift); an empty window (start = end) is refused.
 */
export async function setWorkingHours(
  ctx: AppContext,
  input: { personId: string; hours: WorkingHours | null; now?: Date },
): Promise<MyStatus> {
  const { hours } = input;
  if (hours !== null) {
    if (!isHhMm(hours.start) || !isHhMm(hours.end)) {
      throw badRequest('Working hours are given as HH:MM.', [
        { path: 'body', message: 'start and end must be HH:MM' },
      ]);
    }
    if (hours.start === hours.end) {
      throw badRequest('Working hours cannot start and end at the same time.', [
        { path: 'body/end', message: 'must differ from start' },
      ]);
    }
    const days = new Set(hours.days);
    if (days.size !== hours.days.length || hours.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
      throw badRequest('Working days are distinct ISO weekdays, 1 (Monday) to 7.', [
        { path: 'body/days', message: 'must be distinct weekdays 1–7' },
      ]);
    }
  }
  return writeStatus(
    ctx,
    input.personId,
    { working_hours: serializeWorkingHours(hours) },
    input.now ?? new Date(),
  );
}
