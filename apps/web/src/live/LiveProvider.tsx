import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { fetchMe } from '../features/auth/session.ts';
import { queryKeys } from '../lib/queryKeys.ts';
import { trackActivity } from './activity.ts';
import { LiveContext } from './context.ts';
import { LiveClient } from './LiveClient.ts';

/** Same origin as the page: the session cookie goes along with the upgrade. */
export function streamUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/api/v1/stream`;
}

/** Events were missed: everything on screen is refetched (the session itself excepted). */
function resync(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] !== 'me' && query.queryKey[0] !== 'setup',
  });
}

/**
 * Asks whether the session still exists; only a definite "no" signs the tab out (a server that is
 * down says nothing about the session).
 */
function checkSession(queryClient: QueryClient): void {
  fetchMe()
    .then((me) => {
      if (me === null) queryClient.setQueryData(queryKeys.me, null);
    })
    .catch(() => {});
}

/**
 * Opens the tab's live connection for the signed-in person and closes it on unmount (sign-out, or
 * another person signing in: render it with key={personId}).
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [client] = useState(
    () =>
      new LiveClient({
        url: streamUrl(),
        onResync: () => resync(queryClient),
        onResumed: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
        onSessionDoubt: () => checkSession(queryClient),
      }),
  );
  useEffect(() => {
    client.start();
    const stopTracking = trackActivity(client);
    return () => {
      stopTracking();
      client.stop();
    };
  }, [client]);
  return <LiveContext.Provider value={client}>{children}</LiveContext.Provider>;
}
