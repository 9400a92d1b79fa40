import { NavLink, Outlet } from 'react-router';
import { useDocumentTitle } from '../../lib/hooks.ts';

const SECTIONS = [
  { to: 'people', label: 'People' },
  { to: 'spaces', label: 'Spaces' },
  { to: 'invitations', label: 'Invitations' },
  { to: 'custom-fields', label: 'Custom fields' },
  { to: 'domains', label: 'Internal domains' },
  { to: 'audit', label: 'Audit log' },
];

export function AdminLayout() {
  useDocumentTitle('Admin');
  return (
    <>
      <div className="page-header">
        <h1>Admin</h1>
      </div>
      <nav aria-label="Admin sections" className="sub-nav">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink
                to={section.to}
                className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
              >
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
