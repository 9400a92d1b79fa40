import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  FormError,
  ListStates,
  LoadMore,
  TextField,
} from '../../components/ui/index.ts';
import { api, enc } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import type { PersonSummary } from '../../lib/types.ts';
import { useConfirmAction } from '../../lib/useConfirmAction.ts';
import { PersonLine } from '../people/PersonLine.tsx';
import { PersonPicker } from '../people/PersonPicker.tsx';
import { spaceKeys, spacePath, useSpaceInvitations } from './api.ts';
import { SpaceNotFound, useCurrentSpace } from './SpacePage.tsx';
import type { SpaceInvitation } from './types.ts';

export function SpaceInvitations() {
  const space = useCurrentSpace();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'email' | 'person'>('email');
  const [email, setEmail] = useState('');
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [sent, setSent] = useState<SpaceInvitation | null>(null);
  const list = useSpaceInvitations(space.handle, space.abilities.invite);
  const refresh = () => queryClient.invalidateQueries({ queryKey: spaceKeys.invitations(space.handle) });

  const invite = useMutation({
    mutationFn: () =>
      api.post<SpaceInvitation>(
        spacePath(space.handle, '/invitations'),
        mode === 'email' ? { email: email.trim() } : { personId: person?.id },
      ),
    onSuccess: (invitation) => {
      setSent(invitation);
      setEmail('');
      setPerson(null);
      void refresh();
    },
  });
  const revoke = useConfirmAction({
    mutationFn: (item: SpaceInvitation) =>
      api.delete(spacePath(space.handle, `/invitations/${enc(item.id)}`)),
    onSuccess: () => {
      void refresh();
    },
  });
  const revoking = revoke.target;
  const errors = useFormErrors(invite, { email: 'Email', personId: 'Person' });
  if (!space.abilities.invite) return <SpaceNotFound />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    invite.mutate();
  };
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <Card title="Invite people">
        <form ref={errors.formRef} className="stack" onSubmit={onSubmit} noValidate>
          <fieldset className="fieldset choice-inline">
            <legend>Invite by</legend>
            {(['email', 'person'] as const).map((value) => (
              <label key={value} className="checkbox">
                <input
                  type="radio"
                  name="invite-mode"
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                {value === 'email' ? 'Email address' : 'Someone in Atrium'}
              </label>
            ))}
          </fieldset>
          <FormError banner={errors.banner} announcement={errors.announcement} />
          {sent ? <Alert tone="success">Invitation sent to {sent.person?.name ?? sent.email}.</Alert> : null}
          {mode === 'email' ? (
            <TextField
              label="Email"
              type="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={errors.field('email')}
              hint={
                space.audience === 'internal'
                  ? 'Internal spaces accept employees only.'
                  : 'People new to Atrium get an email with a link to join.'
              }
            />
          ) : (
            <PersonPicker
              label="Person"
              value={person}
              onChange={setPerson}
              removeLabel="Clear"
              error={errors.field('personId')}
            />
          )}
          <div>
            <Button type="submit" variant="primary" loading={invite.isPending}>
              Send invitation
            </Button>
          </div>
        </form>
      </Card>
      <Card title="Pending invitations">
        <ListStates
          query={list}
          count={items.length}
          loadingLabel="Loading invitations…"
          empty={<EmptyState title="No pending invitations" />}
        >
          <ul className="member-list">
            {items.map((invitation) => (
              <li key={invitation.id} className="member-row">
                <div className="stack-tight">
                  {invitation.person ? (
                    <PersonLine person={invitation.person} />
                  ) : (
                    <strong>{invitation.email ?? 'Someone in Atrium'}</strong>
                  )}
                  <span className="muted">
                    {invitation.invitedBy ? `By ${invitation.invitedBy.name} · ` : ''}expires{' '}
                    {formatDate(invitation.expiresAt)}
                  </span>
                </div>
                <Button
                  size="sm"
                  onClick={() => revoke.ask(invitation)}
                  aria-label={`Revoke invitation for ${invitation.person?.name ?? invitation.email}`}
                >
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        </ListStates>
        <LoadMore pages={list} />
      </Card>
      <ConfirmDialog {...revoke.dialog} title="Revoke invitation?" confirmLabel="Revoke invitation" danger>
        <p>The invitation for {revoking?.person?.name ?? revoking?.email} will stop working.</p>
      </ConfirmDialog>
    </div>
  );
}
