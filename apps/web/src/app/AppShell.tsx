import { useEffect, useId, useState } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useMe } from '../features/auth/session.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { LiveProvider } from '../live/index.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { LiveLayer } from './LiveLayer.tsx';

export function AppShell() {
  const me = useMe();
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const navId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: collapse the mobile nav after navigating
  useEffect(() => setNavOpen(false), [location.pathname]);

  const orgPath = `/people/${me.person.handle}/org`;
  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link active' : 'nav-link');

  return (
    // One live connection per signed-in person: another person signing in gets a fresh one.
    <LiveProvider key={me.person.id}>
      <div className="shell">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="app-header">
          <div className="app-header-inner">
            <Link to="/" className="brand">
              Atrium
            </Link>
            <button
              type="button"
              className="nav-toggle"
              aria-expanded={navOpen}
              aria-controls={navId}
              onClick={() => setNavOpen((open) => !open)}
            >
              <span aria-hidden="true">☰</span> Menu
            </button>
            <nav id={navId} aria-label="Main" className={navOpen ? 'main-nav open' : 'main-nav'}>
              <ul>
                <li>
                  <NavLink to="/" end className={navClass}>
                    Home
                  </NavLink>
                </li>
                {me.person.kind === 'member' ? (
                  <li>
                    <NavLink to="/company" className={navClass}>
                      Company
                    </NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink
                    to="/people"
                    end
                    className={({ isActive }) =>
                      navClass({
                        isActive:
                          isActive ||
                          (location.pathname.startsWith('/people/') && !location.pathname.endsWith('/org')),
                      })
                    }
                  >
                    People
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/spaces" className={navClass}>
                    Spaces
                  </NavLink>
                </li>
                <li>
                  <NavLink
                    to={orgPath}
                    className={() => navClass({ isActive: location.pathname.endsWith('/org') })}
                  >
                    Org chart
                  </NavLink>
                </li>
                {me.person.kind === 'member' ? (
                  <li>
                    <NavLink to="/records" className={navClass}>
                      Records
                    </NavLink>
                  </li>
                ) : null}
                {me.abilities.administer ? (
                  <li>
                    <NavLink to="/admin" className={navClass}>
                      Admin
                    </NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
            <NotificationBell />
            <AccountMenu />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="app-main">
          <Outlet />
        </main>
        <LiveLayer />
        <ScrollRestoration />
      </div>
    </LiveProvider>
  );
}
