import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Alert, Badge, Button, ConfirmDialog } from '../../components/ui/index.ts';
import { api, errorMessage } from '../../lib/api.ts';
import { refreshSpaces, spacePath } from './api.ts';
import { ROLE_LABELS } from './labels.ts';
import type { SpaceSummary } from './types.ts';

interface SpaceActionsProps {
  space: SpaceSummary;
  /** On the space page the viewer may also leave or cancel a request; cards show the main action only. */
  full?: boolean;
}

/** The primary membership action the viewer's abilities allow: Join, Request to join, Requested, Member. */
export function SpaceActions({ space, full = false }: SpaceActionsProps) {
  const queryClient = useQueryClient();
  const [leaving, setLeaving] = useState(false);
  const label = space.name;
  const action = useMutation({
    mutationFn: (kind: 'join' | 'request' | 'cancel' | 'leave') => {
      if (kind === 'join') return api.post(spacePath(space.handle, '/join'));
      if (kind === 'request') return api.post(spacePath(space.handle, '/join-requests'), {});
      if (kind === 'cancel') return api.delete(spacePath(space.handle, '/join-requests/mine'));
      return api.post(spacePath(space.handle, '/leave'));
    },
    onSuccess: (_data, kind) => {
      if (kind === 'leave') setLeaving(false);
      refreshSpaces(queryClient);
    },
  });
  const busy = (kind: string) => action.isPending && action.variables === kind;
  const error = action.isError && !leaving ? <Alert tone="danger">{errorMessage(action.error)}</Alert> : null;

  let main: ReactNode = null;
  if (space.membership) {
    main = (
      <Badge tone="success">
        {space.membership.role === 'member' ? 'Member' : ROLE_LABELS[space.membership.role]}
      </Badge>
    );
  } else if (space.joinRequest) {
    main = <Badge tone="info">Requested</Badge>;
  } else if (space.abilities.join) {
    main = (
      <Button
        size={full ? 'md' : 'sm'}
        variant="primary"
        loading={busy('join')}
        onClick={() => action.mutate('join')}
        aria-label={full ? undefined : `Join ${label}`}
      >
        Join
      </Button>
    );
  } else if (space.abilities.requestToJoin) {
    main = (
      <Button
        size={full ? 'md' : 'sm'}
        loading={busy('request')}
        onClick={() => action.mutate('request')}
        aria-label={full ? undefined : `Request to join ${label}`}
      >
        Request to join
      </Button>
    );
  }

  return (
    <div className="space-actions">
      {main}
      {full && space.joinRequest && !space.membership ? (
        <Button variant="ghost" loading={busy('cancel')} onClick={() => action.mutate('cancel')}>
          Cancel request
        </Button>
      ) : null}
      {full && space.membership && space.abilities.leave ? (
        <Button variant="ghost" onClick={() => setLeaving(true)}>
          Leave space
        </Button>
      ) : null}
      {error}
      {full ? (
        <ConfirmDialog
          open={leaving}
          title={`Leave ${space.name}?`}
          confirmLabel="Leave space"
          danger
          pending={busy('leave')}
          error={action.isError && leaving ? errorMessage(action.error) : null}
          onCancel={() => {
            setLeaving(false);
            action.reset();
          }}
          onConfirm={() => action.mutate('leave')}
        >
          <p>
            {space.visibility === 'open'
              ? 'You can join again at any time.'
              : space.visibility === 'private'
                ? 'To come back you will have to ask again or be invited.'
                : 'You will only be able to come back with a new invitation.'}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
