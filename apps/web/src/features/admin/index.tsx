import { Navigate, type RouteObject } from 'react-router';
import { RequireAdmin } from '../../app/guards.tsx';
import { AdminAudit } from './AdminAudit.tsx';
import { AdminCustomFields } from './AdminCustomFields.tsx';
import { AdminDomains } from './AdminDomains.tsx';
import { AdminInvitations } from './AdminInvitations.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { AdminPeople } from './AdminPeople.tsx';
import { AdminSpaces } from './AdminSpaces.tsx';
import './admin.css';

/** The admin area's routes, mounted at /admin. */
export const adminRoute: RouteObject = {
  element: (
    <RequireAdmin>
      <AdminLayout />
    </RequireAdmin>
  ),
  children: [
    { index: true, element: <Navigate to="people" replace /> },
    { path: 'people', element: <AdminPeople /> },
    { path: 'spaces', element: <AdminSpaces /> },
    { path: 'invitations', element: <AdminInvitations /> },
    { path: 'custom-fields', element: <AdminCustomFields /> },
    { path: 'domains', element: <AdminDomains /> },
    { path: 'audit', element: <AdminAudit /> },
  ],
};
