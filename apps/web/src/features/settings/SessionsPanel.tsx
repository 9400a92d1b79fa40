import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  PageSpinner,
  TableScroll,
} from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { Session } from '../../lib/types.ts';

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
  const [revoking, setRevoking] = useState<Session | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/me/sessions/${enc(id)}`),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
  });

  return (
    <Card title="My sessions">
      <p className="muted">Browsers and devices where you are signed in.</p>
      {sessions.isPending ? (
        <PageSpinner label="Loading sessions…" />
      ) : sessions.isError ? (
        <Alert tone="danger">{errorMessage(sessions.error)}</Alert>
      ) : (
        <TableScroll label="Sessions table">
          <table className="table">
            <caption className="visually-hidden">My sessions</caption>
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">IP address</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last active</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                        onClick={() => setRevoking(session)}
                        aria-label={`Revoke session ${describeAgent(session.userAgent)} from ${session.ip ?? 'unknown address'}`}
                      >
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title="Sign out this session?"
        confirmLabel="Revoke session"
        danger
        pending={revoke.isPending}
        error={revoke.isError ? errorMessage(revoke.error) : null}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
      >
        <p>
          {revoking ? describeAgent(revoking.userAgent) : ''}
          {revoking?.ip ? ` (${revoking.ip})` : ''} will be signed out and has to sign in again.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
