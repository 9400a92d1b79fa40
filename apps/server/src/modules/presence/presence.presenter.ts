import type { Availability } from '@atrium/contracts';
import type { StatusRow } from './presence.repository.ts';
import { parseWorkingHours, type WorkingHours } from './working-hours.ts';

export interface PresentedStatus {
  availability: Availability;
  message: string | null;
  until: string | null;
}

export interface MyStatus extends PresentedStatus {
  workingHours: WorkingHours | null;
  updatedAt: string | null;
}

const AVAILABLE: PresentedStatus = { availability: 'available', message: null, until: null };

/** A status whose `until` has passed has lapsed back to available, message and all. */
export const hasLapsed = (row: Pick<StatusRow, 'until'>, now: Date): boolean =>
  row.until !== null && row.until <= now.toISOString();

export function effectiveStatus(row: StatusRow | undefined, now: Date): PresentedStatus {
  if (!row || hasLapsed(row, now)) return AVAILABLE;
  return { availability: row.availability, message: row.message, until: row.until };
}

/** A status as shown on a person: null when there is nothing to say (plainly available). */
export function presentStatus(row: StatusRow | undefined, now: Date): PresentedStatus | null {
  const status = effectiveStatus(row, now);
  return status.availability === 'available' && status.message === null ? null : status;
}

export function presentMyStatus(row: StatusRow | undefined, now: Date): MyStatus {
  return {
    ...effectiveStatus(row, now),
    workingHours: parseWorkingHours(row?.working_hours ?? null),
    updatedAt: row?.updated_at ?? null,
  };
}
