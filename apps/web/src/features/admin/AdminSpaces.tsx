import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Badge,
  Card,
  DataTable,
  EmptyState,
  FilterBar,
  ListStates,
  LoadMore,
  Select,
} from '../../components/ui/index.ts';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/hooks.ts';
import type { Page } from '../../lib/types.ts';
import { spaceKeys } from '../spaces/api.ts';
import { AUDIENCE_LABELS, VISIBILITY_LABELS } from '../spaces/labels.ts';
import type { SpaceSummary } from '../spaces/types.ts';

type AdminSpace = SpaceSummary & { memberCount: number };

export function AdminSpaces() {
  const [query, setQuery] = useState('');
  const [audience, setAudience] = useState('');
  const [visibility, setVisibility] = useState('');
  const [archived, setArchived] = useState('');
  const q = useDebouncedValue(query.trim(), 300);
  const filters = { q, audience, visibility, archived };
  const spaces = useInfiniteQuery({
    queryKey: spaceKeys.admin(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AdminSpace>>('/api/v1/admin/spaces', { ...filters, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
  const items = spaces.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card title="Spaces">
      <FilterBar searchLabel="Search spaces" query={query} onQueryChange={setQuery}>
        <Select
          label="Audience"
          value={audience}
          onChange={(event) => setAudience(event.target.value)}
          options={[
            { value: '', label: 'Any audience' },
            ...Object.entries(AUDIENCE_LABELS).map(([value, label]) => ({ value, label })),
          ]}
        />
        <Select
          label="Visibility"
          value={visibility}
          onChange={(event) => setVisibility(event.target.value)}
          options={[
            { value: '', label: 'Any visibility' },
            ...Object.entries(VISIBILITY_LABELS).map(([value, label]) => ({ value, label })),
          ]}
        />
        <Select
          label="Archived"
          value={archived}
          onChange={(event) => setArchived(event.target.value)}
          options={[
            { value: '', label: 'Active and archived' },
            { value: 'false', label: 'Active only' },
            { value: 'true', label: 'Archived only' },
          ]}
        />
      </FilterBar>
      <p className="field-hint">
        Every space is listed here, secret ones included. Opening this list is recorded in the audit log.
      </p>
      <ListStates
        query={spaces}
        count={items.length}
        loadingLabel="Loading spaces…"
        empty={<EmptyState title="No spaces match" />}
      >
        <DataTable
          label="Spaces table"
          caption="Spaces"
          columns={['Name', 'Category', 'Audience', 'Visibility', 'Members', 'Status']}
        >
          {items.map((space) => (
            <tr key={space.id}>
              <td>
                <Link to={`/spaces/${space.handle}`}>{space.name}</Link>{' '}
                {space.isDefault ? <Badge tone="info">Default</Badge> : null}
                <div className="muted">@{space.handle}</div>
              </td>
              <td>{space.category ?? '—'}</td>
              <td>
                {space.audience === 'external' ? (
                  <Badge tone="warning">{AUDIENCE_LABELS.external}</Badge>
                ) : (
                  AUDIENCE_LABELS.internal
                )}
              </td>
              <td>{VISIBILITY_LABELS[space.visibility]}</td>
              <td>{space.memberCount}</td>
              <td>{space.archived ? <Badge>Archived</Badge> : 'Active'}</td>
            </tr>
          ))}
        </DataTable>
      </ListStates>
      <LoadMore pages={spaces} />
    </Card>
  );
}
