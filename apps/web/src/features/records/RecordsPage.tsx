import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  FilterBar,
  PagedResults,
  PageSpinner,
  Select,
} from '../../components/ui/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useMe } from '../auth/session.ts';
import { useRecordList, useRecordTypes } from './api.ts';
import { NewRecordForm } from './NewRecordForm.tsx';
import './records.css';

/** /records (employees): records by name, filtered by type and search words, and a form to add one. */
export function RecordsPage() {
  useDocumentTitle('Records');
  const me = useMe();
  if (me.person.kind !== 'member') {
    return (
      <Alert tone="danger" title="Not allowed">
        Only employees can browse records.
      </Alert>
    );
  }
  return <RecordsDirectory />;
}

function RecordsDirectory() {
  const filters = useUrlFilters<'type'>();
  const { q, query, setQuery, update } = filters;
  const type = filters.get('type');
  const types = useRecordTypes();
  const records = useRecordList({ type, q });
  const items = records.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q || type);
  const [creating, setCreating] = useState(false);
  const formId = useId();

  const typeOptions = [
    { value: '', label: 'All types' },
    ...(types.data?.items ?? []).map((item) => ({ value: item.key, label: item.name })),
  ];
  if (type && !typeOptions.some((option) => option.value === type)) {
    typeOptions.push({ value: type, label: type });
  }

  return (
    <>
      <div className="page-header spread">
        <h1>Records</h1>
        <Button
          variant="primary"
          aria-expanded={creating}
          aria-controls={formId}
          onClick={() => setCreating((open) => !open)}
        >
          New record
        </Button>
      </div>
      {creating ? (
        <Card id={formId} title="New record" className="records-new">
          {types.isPending ? (
            <PageSpinner label="Loading record types…" />
          ) : types.isError ? (
            <Alert tone="danger" title="Could not load record types">
              {errorMessage(types.error)}
            </Alert>
          ) : types.data.items.length === 0 ? (
            <p className="muted">There are no record types yet. A site admin can define them.</p>
          ) : (
            <NewRecordForm types={types.data.items} onCancel={() => setCreating(false)} />
          )}
        </Card>
      ) : null}
      <FilterBar
        searchLabel="Search records"
        placeholder="Record name…"
        query={query}
        onQueryChange={setQuery}
        layout="grid"
        filters={1}
        onClear={filtered ? () => filters.clear(['type']) : undefined}
      >
        <Select
          label="Type"
          value={type}
          onChange={(event) => update({ type: event.target.value })}
          options={typeOptions}
        />
      </FilterBar>
      <PagedResults
        label="Records"
        query={records}
        count={items.length}
        loadingLabel="Loading records…"
        errorTitle="Could not load records"
        empty={
          <EmptyState title={filtered ? 'No records match your search' : 'No records yet'}>
            {filtered ? 'Try other words or clear the filters.' : 'Add one with “New record”.'}
          </EmptyState>
        }
        total={plural(items.length, 'record')}
      >
        <ul className="records-list">
          {items.map((record) => (
            <li key={record.id}>
              <Link to={`/records/${record.id}`}>{record.name}</Link>
              <span className="muted">{record.type.name}</span>
            </li>
          ))}
        </ul>
      </PagedResults>
    </>
  );
}
