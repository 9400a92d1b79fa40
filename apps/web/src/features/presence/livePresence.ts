import { AVAILABILITIES, PRESENCE_STATES, type PresenceState } from '@atrium/contracts';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import type { CurrentStatus, PersonSummary } from '../../lib/types.ts';
import { dataString, useLiveEvents } from '../../live/index.ts';

type LiveFields = Pick<PersonSummary, 'presence' | 'currentStatus'>;

const isPresence = (value: unknown): value is PresenceState =>
  typeof value === 'string' && (PRESENCE_STATES as readonly string[]).includes(value);

function isStatus(value: unknown): value is CurrentStatus {
  if (!value || typeof value !== 'object') return false;
  const status = value as Record<string, unknown>;
  return (
    typeof status.availability === 'string' &&
    (AVAILABILITIES as readonly string[]).includes(status.availability) &&
    (status.message === null || typeof status.message === 'string') &&
    (status.until === null || typeof status.until === 'string')
  );
}

/** The presence and status an event carries, or null when it names neither. */
function fieldsOf(data: Record<string, unknown>): Partial<LiveFields> | null {
  const fields: Partial<LiveFields> = {};
  if (isPresence(data.presence)) fields.presence = data.presence;
  if (data.currentStatus === null || isStatus(data.currentStatus)) fields.currentStatus = data.currentStatus;
  return Object.keys(fields).length > 0 ? fields : null;
}

/** Copies the fields onto every summary of this person inside a cached answer (lists, profiles, managers). */
function patchPeople(value: unknown, personId: string, fields: Partial<LiveFields>, depth = 0): unknown {
  if (depth > 6 || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item) => {
      const patched = patchPeople(item, personId, fields, depth + 1);
      if (patched !== item) changed = true;
      return patched;
    });
    return changed ? next : value;
  }
  const record = value as Record<string, unknown>;
  if (record.id === personId && typeof record.handle === 'string' && 'presence' in record) {
    return { ...record, ...fields };
  }
  let next: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(record)) {
    const patched = patchPeople(item, personId, fields, depth + 1);
    if (patched !== item) {
      next ??= { ...record };
      next[key] = patched;
    }
  }
  return next ?? value;
}

const SHOWS_PEOPLE = new Set(['people', 'mention-suggestions']);

function applyPresence(queryClient: QueryClient, personId: string, data: Record<string, unknown>): void {
  const fields = fieldsOf(data);
  if (fields) {
    queryClient.setQueriesData(
      { predicate: (query) => SHOWS_PEOPLE.has(String(query.queryKey[0])) },
      (old: unknown) => patchPeople(old, personId, fields),
    );
  }
  // A status change comes as a presence change: the person's profile, if open, reloads for it.
  void queryClient.invalidateQueries({
    predicate: (query) =>
      query.queryKey[0] === 'people' &&
      query.queryKey[1] === 'profile' &&
      (query.state.data as { id?: unknown } | undefined)?.id === personId,
  });
}

/** Presence dots and statuses on screen follow presence.changed events (on the people one looks at). */
export function usePresenceLiveSync(): void {
  const queryClient = useQueryClient();
  useLiveEvents((event) => {
    if (event.name !== 'presence.changed') return;
    const personId = dataString(event.data, 'personId');
    if (personId) applyPresence(queryClient, personId, event.data);
  });
}
