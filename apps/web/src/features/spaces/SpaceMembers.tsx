import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  FilterBar,
  ListStates,
  LoadMore,
  Select,
} from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/hooks.ts';
import { useConfirmAction } from '../../lib/useConfirmAction.ts';
import { useMe } from '../auth/session.ts';
import { PersonLine } from '../people/PersonLine.tsx';
import { refreshSpaces, spacePath, useSpaceMembers } from './api.ts';
import { ROLE_LABELS, ROLE_OPTIONS } from './labels.ts';
import { SpaceNotFound, useCurrentSpace } from './SpacePage.tsx';
import type { SpaceMember, SpaceRole } from './types.ts';

type Pending = { kind: 'remove' | 'transfer'; member: SpaceMember };

export function SpaceMembers() {
  const space = useCurrentSpace();
  const me = useMe();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 300);
  const members = useSpaceMembers(space.handle, q, space.abilities.read);
  const viewerRole = space.membership?.role;
  // Site administrators manage without being members; the server has the last word either way.
  const ownerPowers = viewerRole === 'owner' || (space.abilities.manageMembers && !viewerRole);

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: SpaceMember; role: SpaceRole }) =>
      api.put(spacePath(space.handle, `/members/${enc(member.person.id)}`), { role }),
    onSuccess: () => refreshSpaces(queryClient),
  });
  const act = useConfirmAction({
    mutationFn: (action: Pending) =>
      action.kind === 'remove'
        ? api.delete(spacePath(space.handle, `/members/${enc(action.member.person.id)}`))
        : api.post(spacePath(space.handle, '/transfer-ownership'), { personId: action.member.person.id }),
    onSuccess: () => refreshSpaces(queryClient),
  });
  const pending = act.target;

  if (!space.abilities.read) return <SpaceNotFound />;
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  const canEdit = (member: SpaceMember) =>
    space.abilities.manageMembers &&
    member.person.id !== me.person.id &&
    (ownerPowers || (member.role !== 'owner' && member.role !== 'admin'));
  const roleOptions = ownerPowers
    ? ROLE_OPTIONS
    : ROLE_OPTIONS.filter((o) => o.value === 'moderator' || o.value === 'member');

  return (
    <Card title="Members">
      <FilterBar searchLabel="Search members" query={query} onQueryChange={setQuery} />
      {changeRole.isError ? <Alert tone="danger">{errorMessage(changeRole.error)}</Alert> : null}
      <ListStates
        query={members}
        count={items.length}
        loadingLabel="Loading members…"
        empty={<EmptyState title={q ? 'No members match your search' : 'No members yet'} />}
      >
        <ul className="member-list" aria-busy={members.isFetching}>
          {items.map((member) => (
            <li key={member.person.id} className="member-row">
              <PersonLine person={member.person} />
              <div className="member-controls">
                {canEdit(member) ? (
                  <Select
                    label={`Role of ${member.person.name}`}
                    hideLabel
                    value={member.role}
                    disabled={changeRole.isPending}
                    onChange={(event) => changeRole.mutate({ member, role: event.target.value as SpaceRole })}
                    options={
                      roleOptions.some((o) => o.value === member.role)
                        ? roleOptions
                        : [{ value: member.role, label: ROLE_LABELS[member.role] }, ...roleOptions]
                    }
                  />
                ) : (
                  <Badge tone={member.role === 'member' ? 'neutral' : 'info'}>
                    {ROLE_LABELS[member.role]}
                  </Badge>
                )}
                {member.source === 'rule' ? <Badge>By rule</Badge> : null}
                {viewerRole === 'owner' && member.person.id !== me.person.id && member.role !== 'owner' ? (
                  <Button size="sm" variant="ghost" onClick={() => act.ask({ kind: 'transfer', member })}>
                    Make owner
                  </Button>
                ) : null}
                {canEdit(member) && member.role !== 'owner' ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Remove ${member.person.name}`}
                    onClick={() => act.ask({ kind: 'remove', member })}
                  >
                    Remove
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </ListStates>
      <LoadMore pages={members} />
      <ConfirmDialog
        {...act.dialog}
        title={pending?.kind === 'transfer' ? 'Transfer ownership?' : 'Remove member?'}
        confirmLabel={pending?.kind === 'transfer' ? 'Transfer ownership' : 'Remove'}
        danger
      >
        {pending?.kind === 'transfer' ? (
          <p>
            {pending.member.person.name} becomes the owner of {space.name}. You stay on as an admin and can no
            longer undo this yourself.
          </p>
        ) : (
          <p>
            {pending?.member.person.name} loses access to {space.name} at once.
          </p>
        )}
      </ConfirmDialog>
    </Card>
  );
}
