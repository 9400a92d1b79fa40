import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, EmptyState, ListStates, LoadMore } from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { PersonLine } from '../people/PersonLine.tsx';
import { refreshSpaces, spacePath, useJoinRequests } from './api.ts';
import { SpaceNotFound, useCurrentSpace } from './SpacePage.tsx';
import type { JoinRequest } from './types.ts';

export function SpaceRequests() {
  const space = useCurrentSpace();
  const queryClient = useQueryClient();
  const requests = useJoinRequests(space.handle, space.abilities.manageMembers);
  const decide = useMutation({
    mutationFn: ({ request, approve }: { request: JoinRequest; approve: boolean }) =>
      api.post<JoinRequest>(
        spacePath(space.handle, `/join-requests/${enc(request.id)}/${approve ? 'approve' : 'decline'}`),
      ),
    onSuccess: () => refreshSpaces(queryClient),
  });
  if (!space.abilities.manageMembers) return <SpaceNotFound />;
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  const busy = (request: JoinRequest, approve: boolean) =>
    decide.isPending && decide.variables?.request.id === request.id && decide.variables.approve === approve;

  return (
    <Card title="Join requests">
      {decide.isError ? <Alert tone="danger">{errorMessage(decide.error)}</Alert> : null}
      <ListStates
        query={requests}
        count={items.length}
        loadingLabel="Loading requests…"
        empty={<EmptyState title="No pending requests" />}
      >
        <ul className="member-list">
          {items.map((request) => (
            <li key={request.id} className="member-row">
              <div className="stack-tight">
                <PersonLine person={request.person} />
                {request.message ? <p className="space-text">{request.message}</p> : null}
                <span className="muted">Asked {formatDate(request.createdAt)}</span>
              </div>
              <div className="member-controls">
                <Button
                  size="sm"
                  variant="primary"
                  loading={busy(request, true)}
                  onClick={() => decide.mutate({ request, approve: true })}
                  aria-label={`Approve ${request.person.name}`}
                >
                  Approve
                </Button>
                <Button
                  size="sm"
                  loading={busy(request, false)}
                  onClick={() => decide.mutate({ request, approve: false })}
                  aria-label={`Decline ${request.person.name}`}
                >
                  Decline
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </ListStates>
      <LoadMore pages={requests} />
    </Card>
  );
}
