import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Me, Page } from '../../lib/types.ts';
import type { SpaceSummary } from '../spaces/types.ts';

/** The spaces I belong to (not archived), for choosing where to post or share. */
export function useMySpaces(enabled = true) {
  return useQuery({
    queryKey: ['spaces', 'list', { membership: 'mine', purpose: 'targets' }],
    queryFn: ({ signal }) =>
      api.get<Page<SpaceSummary>>(
        '/api/v1/spaces',
        { membership: 'mine', archived: 'false', limit: 100 },
        signal,
      ),
    enabled,
    staleTime: 60_000,
  });
}

/** Announcements: site admins in the company feed and any space; owners and admins in their space. */
export function canAnnounceIn(me: Me, space: Pick<SpaceSummary, 'membership'> | null): boolean {
  if (me.person.role === 'admin') return true;
  const role = space?.membership?.role;
  return role === 'owner' || role === 'admin';
}
