import type { Availability, PresenceState } from '@atrium/contracts';
import { formatDateTime } from '../../lib/format.ts';
import type { CurrentStatus } from '../../lib/types.ts';

export const AVAILABILITY_LABELS: Record<Availability, string> = {
  available: 'Available',
  busy: 'Busy',
  do_not_disturb: 'Do not disturb',
  out_of_office: 'Out of office',
};

export const AVAILABILITY_HINTS: Record<Availability, string> = {
  available: 'Notifications as usual.',
  busy: 'Others see that you are busy.',
  do_not_disturb: 'No pop-up notifications and no immediate emails; they wait in the notification center.',
  out_of_office: 'Others see that you are away, and until when.',
};

export const PRESENCE_LABELS: Record<PresenceState, string> = {
  online: 'Online',
  away: 'Away',
  offline: 'Offline',
};

/** "Out of office until 3 Dec 2026, 09:00 — Back next week" */
export function statusText(status: CurrentStatus): string {
  const until = status.until ? ` until ${formatDateTime(status.until)}` : '';
  const head =
    status.availability === 'available' ? '' : `${AVAILABILITY_LABELS[status.availability]}${until}`;
  if (head && status.message) return `${head} — ${status.message}`;
  return head || status.message || '';
}
