import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, EmptyState, PageSpinner, Select, TextField } from '../../components/ui/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { useDebouncedValue, useDocumentTitle } from '../../lib/hooks.ts';
import type { FacetValue } from '../../lib/types.ts';
import { useDirectory, useFacets } from './api.ts';
import { PersonLine } from './PersonLine.tsx';
import './people.css';

type FilterName = 'q' | 'department' | 'location' | 'skill';

function facetOptions(values: FacetValue[] | undefined, anyLabel: string, current: string) {
  const options = (values ?? []).map((facet) => ({
    value: facet.value,
    label: `${facet.value} (${facet.count})`,
  }));
  // A value from a shared link that is not (or not yet) among the facets still shows as chosen.
  if (current && !options.some((option) => option.value === current)) {
    options.unshift({ value: current, label: current });
  }
  return [{ value: '', label: anyLabel }, ...options];
}

export function DirectoryPage() {
  useDocumentTitle('People');
  // The search and filters live in the URL (?q=&department=&location=&skill=): reload, back/forward
  // and shared links all show the same list.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const department = params.get('department') ?? '';
  const location = params.get('location') ?? '';
  const skill = params.get('skill') ?? '';
  const [query, setQuery] = useState(q);
  const typed = useDebouncedValue(query.trim(), 300);

  const update = useCallback(
    (changes: Partial<Record<FilterName, string>>, replace = false) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  // Typing settles into the URL without adding a history entry per keystroke.
  const typedRef = useRef(typed);
  const updateRef = useRef(update);
  updateRef.current = update;
  useEffect(() => {
    if (typedRef.current === typed) return;
    typedRef.current = typed;
    updateRef.current({ q: typed }, true);
  }, [typed]);

  // Back/forward (or a link) changed the URL: show its search text in the box.
  useEffect(() => {
    setQuery((current) => (current.trim() === q ? current : q));
    typedRef.current = q;
  }, [q]);

  const facets = useFacets();
  const directory = useDirectory({ q, department, location, skill });
  const people = directory.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q || department || location || skill);

  const clear = () => {
    setQuery('');
    typedRef.current = '';
    update({ q: '', department: '', location: '', skill: '' });
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
          onChange={(event) => update({ department: event.target.value })}
          options={facetOptions(facets.data?.departments, 'All departments', department)}
        />
        <Select
          label="Location"
          value={location}
          onChange={(event) => update({ location: event.target.value })}
          options={facetOptions(facets.data?.locations, 'All locations', location)}
        />
        <Select
          label="Skill"
          value={skill}
          onChange={(event) => update({ skill: event.target.value })}
          options={facetOptions(facets.data?.skills, 'All skills', skill)}
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
