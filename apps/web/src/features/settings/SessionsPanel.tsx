import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  PageSpinner,
} from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { Session } from '../../lib/types.ts';
import { useConfirmAction } from '../../lib/useConfirmAction.ts';

/** A short, readable name for a browser user agent string. */
export function describeAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? userAgent.slice(0, 60);
}

export function SessionsPanel() {
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: queryKeys.sessions,
    queryFn: () => api.get<{ items: Session[] }>('/api/v1/me/sessions'),
  });
  const revoke = useConfirmAction({
    mutationFn: (item: Session) => api.delete(`/api/v1/me/sessions/${enc(item.id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
  });
  const revoking = revoke.target;

  return (
    <Card title="My sessions">
      <p className="muted">Browsers and devices where you are signed in.</p>
      {sessions.isPending ? (
        <PageSpinner label="Loading sessions…" />
      ) : sessions.isError ? (
        <Alert tone="danger">{errorMessage(sessions.error)}</Alert>
      ) : (
        <DataTable
          label="Sessions table"
          caption="My sessions"
          columns={['Device', 'IP address', 'Signed in', 'Last active']}
          actions
        >
          {sessions.data.items.map((session) => (
            <tr key={session.id}>
              <td>
                <span title={session.userAgent ?? undefined}>{describeAgent(session.userAgent)}</span>{' '}
                {session.current ? <Badge tone="success">This session</Badge> : null}
              </td>
              <td>{session.ip ?? '—'}</td>
              <td className="nowrap">{formatDateTime(session.createdAt)}</td>
              <td className="nowrap">{formatDateTime(session.lastSeenAt)}</td>
              <td className="cell-actions">
                {session.current ? null : (
                  <Button
                    size="sm"
                    onClick={() => revoke.ask(session)}
                    aria-label={`Revoke session ${describeAgent(session.userAgent)} from ${session.ip ?? 'unknown address'}`}
                  >
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <ConfirmDialog {...revoke.dialog} title="Sign out this session?" confirmLabel="Revoke session" danger>
        <p>
          {revoking ? describeAgent(revoking.userAgent) : ''}
          {revoking?.ip ? ` (${revoking.ip})` : ''} will be signed out and has to sign in again.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
