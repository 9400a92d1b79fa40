import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { Alert, Avatar, EmptyState, PageSpinner } from '../../components/ui/index.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { useSpace } from './api.ts';
import { SpaceActions } from './SpaceActions.tsx';
import { SpaceBadges } from './SpaceBadges.tsx';
import type { Space } from './types.ts';
import './spaces.css';
import './space-page.css';

export function useCurrentSpace(): Space {
  return useOutletContext<{ space: Space }>().space;
}

/** A secret space and a missing one look exactly the same. */
export function SpaceNotFound() {
  useDocumentTitle('Not found');
  return (
    <EmptyState title="Space not found">
      <p>
        There is no space at this address, or you cannot see it. <Link to="/spaces">Back to spaces</Link>
      </p>
    </EmptyState>
  );
}

export function SpacePage() {
  const { handle = '' } = useParams();
  const space = useSpace(handle);
  useDocumentTitle(space.data?.name ?? 'Space');
  if (space.isPending) return <PageSpinner label="Loading space…" />;
  if (space.isError) {
    if (space.error instanceof ApiError && space.error.status === 404) return <SpaceNotFound />;
    return (
      <Alert tone="danger" title="Could not load this space">
        {errorMessage(space.error)} <Link to="/spaces">Back to spaces</Link>
      </Alert>
    );
  }
  return <SpaceView space={space.data} />;
}

function SpaceView({ space }: { space: Space }) {
  const { abilities } = space;
  const tabs = [
    { to: '', label: 'About', show: true },
    { to: 'feed', label: 'Feed', show: abilities.read },
    { to: 'members', label: 'Members', show: abilities.read },
    { to: 'requests', label: 'Requests', show: abilities.manageMembers && space.visibility === 'private' },
    { to: 'invitations', label: 'Invitations', show: abilities.invite },
    { to: 'settings', label: 'Settings', show: abilities.manageSettings },
  ].filter((tab) => tab.show);
  const base = `/spaces/${space.handle}`;

  return (
    <div className="space-page">
      <header className="space-header">
        <div className="space-cover" aria-hidden="true">
          {space.coverUrl ? <img src={space.coverUrl} alt="" /> : null}
        </div>
        <div className="space-header-body">
          <Avatar name={space.name} src={space.avatarUrl} size="xl" />
          <div className="space-header-text">
            <h1 className="space-name">{space.name}</h1>
            <div className="row">
              <span className="muted">@{space.handle}</span>
              <SpaceBadges space={space} />
              {space.memberCount !== null ? (
                <span className="muted">{plural(space.memberCount, 'member')}</span>
              ) : null}
            </div>
          </div>
          <SpaceActions space={space} full />
        </div>
      </header>
      {space.archived ? (
        <Alert tone="warning" title="Archived">
          This space is archived: it is read-only and hidden from the directory.
        </Alert>
      ) : null}
      <nav aria-label="Space sections" className="sub-nav">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.label}>
              <NavLink
                to={tab.to ? `${base}/${tab.to}` : base}
                end
                className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet context={{ space }} />
    </div>
  );
}
