import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Button,
  Card,
  DataTable,
  EmptyState,
  ListStates,
  LoadMore,
  TextField,
} from '../../components/ui/index.ts';
import { api } from '../../lib/api.ts';
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
      <ListStates
        query={audit}
        count={items.length}
        loadingLabel="Loading audit log…"
        empty={<EmptyState title="No audit entries match" />}
      >
        <DataTable
          label="Audit log table"
          caption="Audit log"
          columns={['When', 'Actor', 'Action', 'Target', 'IP', 'Details']}
          className="audit-table"
        >
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
        </DataTable>
      </ListStates>
      <LoadMore pages={audit} />
    </Card>
  );
}
