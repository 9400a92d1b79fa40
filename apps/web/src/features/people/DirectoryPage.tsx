import { useState } from 'react';
import { Alert, Button, EmptyState, PageSpinner, Select, TextField } from '../../components/ui/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { useDebouncedValue, useDocumentTitle } from '../../lib/hooks.ts';
import type { FacetValue } from '../../lib/types.ts';
import { useDirectory, useFacets } from './api.ts';
import { PersonLine } from './PersonLine.tsx';
import './people.css';

function facetOptions(values: FacetValue[] | undefined, anyLabel: string) {
  return [
    { value: '', label: anyLabel },
    ...(values ?? []).map((facet) => ({ value: facet.value, label: `${facet.value} (${facet.count})` })),
  ];
}

export function DirectoryPage() {
  useDocumentTitle('People');
  const [query, setQuery] = useState('');
  const [department, setDepartment] = useState('');
  const [location, setLocation] = useState('');
  const [skill, setSkill] = useState('');
  const q = useDebouncedValue(query.trim(), 300);
  const facets = useFacets();
  const directory = useDirectory({ q, department, location, skill });
  const people = directory.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q || department || location || skill);

  const clear = () => {
    setQuery('');
    setDepartment('');
    setLocation('');
    setSkill('');
  };

  return (
    <>
      <div className="page-header">
        <h1>People</h1>
      </div>
      <search className="directory-filters">
        <TextField
          label="Search people"
          type="search"
          placeholder="Name, title, skill…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="directory-search"
        />
        <Select
          label="Department"
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
          options={facetOptions(facets.data?.departments, 'All departments')}
        />
        <Select
          label="Location"
          value={location}
          onChange={(event) => setLocation(event.target.value)}
          options={facetOptions(facets.data?.locations, 'All locations')}
        />
        <Select
          label="Skill"
          value={skill}
          onChange={(event) => setSkill(event.target.value)}
          options={facetOptions(facets.data?.skills, 'All skills')}
        />
        {filtered ? (
          <Button variant="ghost" onClick={clear} className="directory-clear">
            Clear filters
          </Button>
        ) : null}
      </search>

      <section aria-label="Results" aria-busy={directory.isFetching} className="directory-results">
        {directory.isPending ? (
          <PageSpinner label="Loading people…" />
        ) : directory.isError && people.length === 0 ? (
          <Alert
            tone="danger"
            title="Could not load people"
            actions={<Button onClick={() => void directory.refetch()}>Try again</Button>}
          >
            {errorMessage(directory.error)}
          </Alert>
        ) : people.length === 0 ? (
          <EmptyState title={filtered ? 'No people match your search' : 'No people yet'}>
            {filtered
              ? 'Try other words or clear the filters.'
              : 'Invited people appear here once they join.'}
          </EmptyState>
        ) : (
          <>
            <p className="muted" aria-live="polite">
              {directory.hasNextPage
                ? `Showing ${people.length}`
                : `${plural(people.length, 'person', 'people')}`}
            </p>
            <ul className="people-list">
              {people.map((person) => (
                <li key={person.id} className="people-list-item">
                  <PersonLine person={person} />
                </li>
              ))}
            </ul>
            {directory.isFetchNextPageError ? (
              <Alert tone="danger">{errorMessage(directory.error)}</Alert>
            ) : null}
            {directory.hasNextPage ? (
              <div className="load-more">
                <Button onClick={() => void directory.fetchNextPage()} loading={directory.isFetchingNextPage}>
                  Load more
                </Button>
              </div>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
