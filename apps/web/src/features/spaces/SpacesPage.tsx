import { NavLink } from 'react-router';
import { ButtonLink, EmptyState, FilterBar, PagedResults, Select } from '../../components/ui/index.ts';
import { plural } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useMe } from '../auth/session.ts';
import { useSpaceCategories, useSpaceDirectory } from './api.ts';
import { MyInvitations } from './MyInvitations.tsx';
import { SpaceCard } from './SpaceCard.tsx';
import './spaces.css';

type FilterName = 'category' | 'audience' | 'tab';

export function SpacesPage() {
  useDocumentTitle('Spaces');
  const me = useMe();
  const filters = useUrlFilters<FilterName>();
  const { q, query, setQuery, update } = filters;
  const tab = filters.get('tab') === 'mine' ? 'mine' : 'discover';
  const category = filters.get('category');
  const audience = filters.get('audience');

  const categories = useSpaceCategories();
  const membership = tab === 'mine' ? 'mine' : 'all';
  const directory = useSpaceDirectory({ q, category, audience, membership });
  const spaces = directory.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q || category || audience);
  const isEmployee = me.person.kind === 'member';
  const categoryOptions = [
    { value: '', label: 'All categories' },
    ...(categories.data?.items ?? []).map((item) => ({
      value: item.value,
      label: `${item.value} (${item.count})`,
    })),
  ];
  if (category && !categoryOptions.some((option) => option.value === category)) {
    categoryOptions.push({ value: category, label: category });
  }
  const tabLink = (name: 'discover' | 'mine', label: string) => (
    <NavLink
      to={name === 'mine' ? '/spaces?tab=mine' : '/spaces'}
      className={() => (tab === name ? 'nav-link active' : 'nav-link')}
      aria-current={tab === name ? 'page' : undefined}
    >
      {label}
    </NavLink>
  );

  return (
    <>
      <div className="page-header spread">
        <h1>Spaces</h1>
        {isEmployee ? (
          <ButtonLink to="/spaces/new" variant="primary">
            Create space
          </ButtonLink>
        ) : null}
      </div>
      <MyInvitations />
      <nav aria-label="Space lists" className="sub-nav">
        <ul>
          <li>{tabLink('discover', 'Discover')}</li>
          <li>{tabLink('mine', 'My spaces')}</li>
        </ul>
      </nav>
      <FilterBar
        searchLabel="Search spaces"
        placeholder="Space name…"
        query={query}
        onQueryChange={setQuery}
        layout="grid"
        filters={2}
        onClear={filtered ? () => filters.clear(['category', 'audience']) : undefined}
      >
        <Select
          label="Category"
          value={category}
          onChange={(event) => update({ category: event.target.value })}
          options={categoryOptions}
        />
        {isEmployee ? (
          <Select
            label="Audience"
            value={audience}
            onChange={(event) => update({ audience: event.target.value })}
            options={[
              { value: '', label: 'Any audience' },
              { value: 'internal', label: 'Internal' },
              { value: 'external', label: 'External community' },
            ]}
          />
        ) : null}
      </FilterBar>
      <PagedResults
        label="Spaces"
        query={directory}
        count={spaces.length}
        loadingLabel="Loading spaces…"
        errorTitle="Could not load spaces"
        empty={
          <EmptyState
            title={
              filtered
                ? 'No spaces match your search'
                : tab === 'mine'
                  ? 'You are not in any space yet'
                  : 'No spaces yet'
            }
          >
            {filtered
              ? 'Try other words or clear the filters.'
              : tab === 'mine'
                ? 'Find one to join under Discover.'
                : null}
          </EmptyState>
        }
        total={plural(spaces.length, 'space')}
      >
        <ul className="card-grid space-grid">
          {spaces.map((space) => (
            <li key={space.id}>
              <SpaceCard space={space} />
            </li>
          ))}
        </ul>
      </PagedResults>
    </>
  );
}
