import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Alert, Avatar, Button } from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { refreshSpaces, useMySpaceInvitations } from './api.ts';
import { SpaceBadges } from './SpaceBadges.tsx';
import type { MySpaceInvitation } from './types.ts';

/** Pending invitations for the signed-in person, with Accept and Decline; nothing when there are none. */
export function MyInvitations() {
  const invitations = useMySpaceInvitations();
  const items = invitations.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="my-invitations" aria-labelledby="my-invitations-title">
      <h2 id="my-invitations-title" className="section-heading">
        Invitations for you
      </h2>
      <ul className="my-invitations-list">
        {items.map((invitation) => (
          <InvitationRow key={invitation.id} invitation={invitation} />
        ))}
      </ul>
    </section>
  );
}

function InvitationRow({ invitation }: { invitation: MySpaceInvitation }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const base = `/api/v1/me/space-invitations/${enc(invitation.id)}`;
  const decide = useMutation({
    mutationFn: (accept: boolean) => api.post(`${base}/${accept ? 'accept' : 'decline'}`),
    onSuccess: (_data, accept) => {
      refreshSpaces(queryClient);
      if (accept) navigate(`/spaces/${invitation.space.handle}`);
    },
  });
  const { space } = invitation;
  return (
    <li className="my-invitation">
      <Avatar name={space.name} src={space.avatarUrl} size="sm" />
      <div className="grow">
        <Link to={`/spaces/${space.handle}`}>{space.name}</Link> <SpaceBadges space={space} />
        <div className="muted">
          {invitation.invitedBy ? `${invitation.invitedBy.name} invited you` : 'You are invited'}
        </div>
      </div>
      <div className="row">
        <Button
          size="sm"
          variant="primary"
          loading={decide.isPending && decide.variables === true}
          onClick={() => decide.mutate(true)}
          aria-label={`Accept invitation to ${space.name}`}
        >
          Accept
        </Button>
        <Button
          size="sm"
          variant="ghost"
          loading={decide.isPending && decide.variables === false}
          onClick={() => decide.mutate(false)}
          aria-label={`Decline invitation to ${space.name}`}
        >
          Decline
        </Button>
      </div>
      {decide.isError ? <Alert tone="danger">{errorMessage(decide.error)}</Alert> : null}
    </li>
  );
}
