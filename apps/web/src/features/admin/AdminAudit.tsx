import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  PageSpinner,
  TableScroll,
  TextField,
} from '../../components/ui/index.ts';
import { api, errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/hooks.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { AuditEntry, Page, PersonSummary } from '../../lib/types.ts';
import { PersonPicker } from '../people/PersonPicker.tsx';

function summarize(data: unknown): string {
  if (data === null || data === undefined) return '';
  if (typeof data !== 'object') return String(data);
  return Object.entries(data as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

export function AdminAudit() {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState<PersonSummary | null>(null);
  const filters = {
    action: useDebouncedValue(action.trim(), 300),
    actorId: actor?.id ?? '',
  };
  const audit = useInfiniteQuery({
    queryKey: queryKeys.admin.audit(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>('/api/v1/admin/audit', { ...filters, cursor: pageParam, limit: 50 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card title="Audit log">
      <form className="admin-filters" onSubmit={(event) => event.preventDefault()}>
        <TextField
          label="Action"
          placeholder="e.g. person.deactivated"
          value={action}
          onChange={(event) => setAction(event.target.value)}
        />
        <PersonPicker
          label="Actor"
          value={actor}
          onChange={setActor}
          removeLabel={actor ? `Remove the filter on ${actor.name}` : 'Remove actor filter'}
          removeContent={<span aria-hidden="true">×</span>}
          changePlaceholder="Search for another person"
          hint="Search by name, or use “Filter” on a row below."
          className="audit-actor"
        />
        {action || actor ? (
          <Button
            variant="ghost"
            onClick={() => {
              setAction('');
              setActor(null);
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </form>
      {audit.isPending ? (
        <PageSpinner label="Loading audit log…" />
      ) : audit.isError && items.length === 0 ? (
        <Alert tone="danger">{errorMessage(audit.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState title="No audit entries match" />
      ) : (
        <TableScroll label="Audit log table">
          <table className="table audit-table">
            <caption className="visually-hidden">Audit log</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">IP</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(entry.createdAt)}</td>
                  <td className="nowrap">
                    {entry.actor ? (
                      <>
                        <Link to={`/people/${entry.actor.handle}`}>{entry.actor.name}</Link>{' '}
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => setActor(entry.actor)}
                          aria-pressed={actor?.id === entry.actor.id}
                          aria-label={`Show only entries by ${entry.actor.name}`}
                        >
                          Filter
                        </Button>
                      </>
                    ) : (
                      <span className="muted">System</span>
                    )}
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}` : '—'}</td>
                  <td>{entry.ip ?? '—'}</td>
                  <td className="audit-data">{summarize(entry.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {audit.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
