import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  EmptyState,
  FilterBar,
  ListStates,
  LoadMore,
  Select,
} from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/hooks.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { AdminPerson, Page, PersonSummary, SiteRole } from '../../lib/types.ts';
import { useConfirmAction } from '../../lib/useConfirmAction.ts';
import { useMe } from '../auth/session.ts';
import { ROLE_OPTIONS } from './labels.ts';

export function AdminPeople() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [role, setRole] = useState('');
  const q = useDebouncedValue(query.trim(), 300);
  const filters = { q, status, role };
  const people = useInfiniteQuery({
    queryKey: queryKeys.admin.people(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AdminPerson>>('/api/v1/admin/people', { ...filters, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['admin', 'people'] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.people.all });
  };
  const changeRole = useMutation({
    mutationFn: ({ id, role: next }: { id: string; role: SiteRole }) =>
      api.put<PersonSummary>(`/api/v1/admin/people/${enc(id)}/role`, { role: next }),
    onSuccess: refresh,
  });
  const setActive = useConfirmAction({
    mutationFn: (person: AdminPerson) =>
      api.post<PersonSummary>(
        `/api/v1/admin/people/${enc(person.id)}/${person.status === 'active' ? 'deactivate' : 'reactivate'}`,
      ),
    onSuccess: refresh,
  });
  const confirming = setActive.target;

  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const deactivating = confirming?.status === 'active';

  return (
    <Card title="People">
      <FilterBar searchLabel="Search people" query={query} onQueryChange={setQuery}>
        <Select
          label="Status"
          value={status}
          onChange={(event) => setStatus(event.target.value)}
          options={[
            { value: '', label: 'Any status' },
            { value: 'active', label: 'Active' },
            { value: 'deactivated', label: 'Deactivated' },
          ]}
        />
        <Select
          label="Role"
          value={role}
          onChange={(event) => setRole(event.target.value)}
          options={[{ value: '', label: 'Any role' }, ...ROLE_OPTIONS]}
        />
      </FilterBar>
      {changeRole.isError ? <Alert tone="danger">{errorMessage(changeRole.error)}</Alert> : null}
      <ListStates
        query={people}
        count={items.length}
        loadingLabel="Loading people…"
        empty={<EmptyState title="No people match" />}
      >
        <DataTable
          label="People table"
          caption="People"
          columns={['Name', 'Email', 'Role', 'Status', 'Joined']}
          actions
        >
          {items.map((person) => (
            <tr key={person.id}>
              <td>
                <Link to={`/people/${person.handle}`}>{person.name}</Link>{' '}
                {person.kind === 'external' ? <Badge tone="warning">External</Badge> : null}
              </td>
              <td>{person.email}</td>
              <td>
                <Select
                  label={`Role for ${person.name}`}
                  hideLabel
                  value={person.role}
                  disabled={person.id === me.person.id || changeRole.isPending}
                  onChange={(event) =>
                    changeRole.mutate({ id: person.id, role: event.target.value as SiteRole })
                  }
                  options={ROLE_OPTIONS}
                />
              </td>
              <td>
                {person.status === 'active' ? (
                  <Badge tone="success">Active</Badge>
                ) : (
                  <Badge tone="danger">Deactivated</Badge>
                )}
              </td>
              <td className="nowrap">{formatDate(person.createdAt)}</td>
              <td className="cell-actions">
                {person.id === me.person.id ? (
                  <span className="muted">You</span>
                ) : (
                  <Button
                    size="sm"
                    variant={person.status === 'active' ? 'danger' : 'secondary'}
                    onClick={() => setActive.ask(person)}
                    aria-label={`${person.status === 'active' ? 'Deactivate' : 'Reactivate'} ${person.name}`}
                  >
                    {person.status === 'active' ? 'Deactivate' : 'Reactivate'}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </ListStates>
      <LoadMore pages={people} />
      <ConfirmDialog
        {...setActive.dialog}
        title={deactivating ? `Deactivate ${confirming?.name}?` : `Reactivate ${confirming?.name}?`}
        confirmLabel={deactivating ? 'Deactivate' : 'Reactivate'}
        danger={deactivating}
      >
        <p>
          {deactivating
            ? 'They are signed out everywhere at once, their API tokens stop working, and they can no longer sign in.'
            : 'They will be able to sign in again.'}
        </p>
      </ConfirmDialog>
    </Card>
  );
}
