import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  PageSpinner,
  Select,
  TableScroll,
  TextField,
} from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/hooks.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { AdminPerson, Page, PersonSummary, SiteRole } from '../../lib/types.ts';
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
  const [confirming, setConfirming] = useState<AdminPerson | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['admin', 'people'] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.people.all });
  };
  const changeRole = useMutation({
    mutationFn: ({ id, role: next }: { id: string; role: SiteRole }) =>
      api.put<PersonSummary>(`/api/v1/admin/people/${enc(id)}/role`, { role: next }),
    onSuccess: refresh,
  });
  const setActive = useMutation({
    mutationFn: (person: AdminPerson) =>
      api.post<PersonSummary>(
        `/api/v1/admin/people/${enc(person.id)}/${person.status === 'active' ? 'deactivate' : 'reactivate'}`,
      ),
    onSuccess: () => {
      setConfirming(null);
      refresh();
    },
  });

  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const deactivating = confirming?.status === 'active';

  return (
    <Card title="People">
      <search className="admin-filters">
        <TextField
          label="Search people"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
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
      </search>
      {changeRole.isError ? <Alert tone="danger">{errorMessage(changeRole.error)}</Alert> : null}
      {people.isPending ? (
        <PageSpinner label="Loading people…" />
      ) : people.isError && items.length === 0 ? (
        <Alert tone="danger">{errorMessage(people.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState title="No people match" />
      ) : (
        <TableScroll label="People table">
          <table className="table">
            <caption className="visually-hidden">People</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                        onClick={() => setConfirming(person)}
                        aria-label={`${person.status === 'active' ? 'Deactivate' : 'Reactivate'} ${person.name}`}
                      >
                        {person.status === 'active' ? 'Deactivate' : 'Reactivate'}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {people.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        title={deactivating ? `Deactivate ${confirming?.name}?` : `Reactivate ${confirming?.name}?`}
        confirmLabel={deactivating ? 'Deactivate' : 'Reactivate'}
        danger={deactivating}
        pending={setActive.isPending}
        error={setActive.isError ? errorMessage(setActive.error) : null}
        onCancel={() => {
          setConfirming(null);
          setActive.reset();
        }}
        onConfirm={() => confirming && setActive.mutate(confirming)}
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
