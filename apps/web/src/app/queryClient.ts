import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, onSessionRefreshed } from '../lib/api.ts';
import { queryKeys } from '../lib/queryKeys.ts';
import type { Me } from '../lib/types.ts';

export function createQueryClient(): QueryClient {
  // When any request says the session is gone, forget the signed-in person: the guard sends us to /sign-in.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(queryKeys.me)) {
      queryClient.setQueryData(queryKeys.me, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
  // A CSRF failure made the client reload the session: show who is signed in now.
  onSessionRefreshed((fresh) => {
    const me = fresh as Me;
    const previous = queryClient.getQueryData<Me | null>(queryKeys.me);
    queryClient.setQueryData(queryKeys.me, me);
    if (previous && previous.person.id !== me.person.id) {
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    }
  });
  return queryClient;
}
