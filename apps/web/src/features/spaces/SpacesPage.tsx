import { useCallback, useEffect, useRef, useState } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  ButtonLink,
  EmptyState,
  PageSpinner,
  Select,
  TextField,
} from '../../components/ui/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { useDebouncedValue, useDocumentTitle } from '../../lib/hooks.ts';
import { useMe } from '../auth/session.ts';
import { useSpaceCategories, useSpaceDirectory } from './api.ts';
import { MyInvitations } from './MyInvitations.tsx';
import { SpaceCard } from './SpaceCard.tsx';
import './spaces.css';

type FilterName = 'q' | 'category' | 'audience' | 'tab';

export function SpacesPage() {
  useDocumentTitle('Spaces');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'mine' ? 'mine' : 'discover';
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const audience = params.get('audience') ?? '';
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
  const typedRef = useRef(typed);
  const updateRef = useRef(update);
  updateRef.current = update;
  useEffect(() => {
    if (typedRef.current === typed) return;
    typedRef.current = typed;
    updateRef.current({ q: typed }, true);
  }, [typed]);
  useEffect(() => {
    setQuery((current) => (current.trim() === q ? current : q));
    typedRef.current = q;
  }, [q]);

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
      <search className="space-filters">
        <TextField
          label="Search spaces"
          type="search"
          placeholder="Space name…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="space-search"
        />
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
        {filtered ? (
          <Button
            variant="ghost"
            onClick={() => {
              setQuery('');
              typedRef.current = '';
              update({ q: '', category: '', audience: '' });
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </search>
      <section aria-label="Spaces" aria-busy={directory.isFetching}>
        {directory.isPending ? (
          <PageSpinner label="Loading spaces…" />
        ) : directory.isError && spaces.length === 0 ? (
          <Alert
            tone="danger"
            title="Could not load spaces"
            actions={<Button onClick={() => void directory.refetch()}>Try again</Button>}
          >
            {errorMessage(directory.error)}
          </Alert>
        ) : spaces.length === 0 ? (
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
        ) : (
          <>
            <p className="muted" aria-live="polite">
              {directory.hasNextPage ? `Showing ${spaces.length}` : plural(spaces.length, 'space')}
            </p>
            <ul className="space-grid">
              {spaces.map((space) => (
                <li key={space.id}>
                  <SpaceCard space={space} />
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
