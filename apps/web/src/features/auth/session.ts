import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, setCsrfToken } from '../../lib/api.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { Me } from '../../lib/types.ts';

/** The signed-in person, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/v1/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Call with the Me returned by sign-in, setup or invitation acceptance. */
export function applySignedIn(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
  queryClient.setQueryData(queryKeys.me, me);
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in person; only use below RequireAuth. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside of a signed-in area');
  return me;
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await api.post('/api/v1/auth/sign-out');
    } catch {
      // the session is gone either way once we forget it locally
    }
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(queryKeys.me, null);
    navigate('/sign-in', { replace: true });
  }, [queryClient, navigate]);
}

/** Where to go after signing in: the page that sent us to /sign-in, or home. */
export function returnPath(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state && typeof state.from === 'string') {
    const from = state.from;
    if (from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in')) return from;
  }
  return '/';
}
