import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert, Button, PageSpinner } from '../components/ui/index.ts';
import { MeContext, useMe, useMeQuery } from '../features/auth/session.ts';
import { api, errorMessage } from '../lib/api.ts';
import { queryKeys } from '../lib/queryKeys.ts';

/** Top of the tree: sends everyone to /setup while the installation has no administrator. */
export function SetupGate() {
  const location = useLocation();
  const setup = useQuery({
    queryKey: queryKeys.setup,
    queryFn: () => api.get<{ needed: boolean }>('/api/v1/setup'),
    staleTime: 60_000,
    retry: false,
  });
  if (setup.isPending) return <PageSpinner />;
  if (setup.data?.needed && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  return <Outlet />;
}

export function RequireAuth() {
  const location = useLocation();
  const me = useMeQuery();
  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    return (
      <main id="main" className="auth-page">
        <Alert
          tone="danger"
          title="Atrium could not load"
          actions={<Button onClick={() => void me.refetch()}>Try again</Button>}
        >
          {errorMessage(me.error)}
        </Alert>
      </main>
    );
  }
  if (!me.data) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <MeContext.Provider value={me.data}>
      <Outlet />
    </MeContext.Provider>
  );
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  const me = useMe();
  if (!me.abilities.administer) {
    return (
      <Alert tone="danger" title="Not allowed">
        Only administrators can open the admin area.
      </Alert>
    );
  }
  return children;
}
