import { EmptyState, FilterBar, PagedResults, Select } from '../../components/ui/index.ts';
import { plural } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import type { FacetValue } from '../../lib/types.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useDirectory, useFacets } from './api.ts';
import { PersonLine } from './PersonLine.tsx';
import './people.css';

type FilterName = 'department' | 'location' | 'skill';

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
  // The search and filters live in the URL (?q=&department=&location=&skill=).
  const filters = useUrlFilters<FilterName>();
  const { q, query, setQuery, update } = filters;
  const department = filters.get('department');
  const location = filters.get('location');
  const skill = filters.get('skill');

  const facets = useFacets();
  const directory = useDirectory({ q, department, location, skill });
  const people = directory.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q || department || location || skill);

  const clear = () => filters.clear(['department', 'location', 'skill']);

  return (
    <>
      <div className="page-header">
        <h1>People</h1>
      </div>
      <FilterBar
        searchLabel="Search people"
        placeholder="Name, title, skill…"
        query={query}
        onQueryChange={setQuery}
        layout="grid"
        filters={3}
        onClear={filtered ? clear : undefined}
      >
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
      </FilterBar>

      <PagedResults
        label="Results"
        className="directory-results"
        query={directory}
        count={people.length}
        loadingLabel="Loading people…"
        errorTitle="Could not load people"
        empty={
          <EmptyState title={filtered ? 'No people match your search' : 'No people yet'}>
            {filtered
              ? 'Try other words or clear the filters.'
              : 'Invited people appear here once they join.'}
          </EmptyState>
        }
        total={plural(people.length, 'person', 'people')}
      >
        <ul className="card-grid people-list">
          {people.map((person) => (
            <li key={person.id} className="people-list-item">
              <PersonLine person={person} />
            </li>
          ))}
        </ul>
      </PagedResults>
    </>
  );
}
