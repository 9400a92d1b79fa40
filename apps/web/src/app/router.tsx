import { createBrowserRouter } from 'react-router';
import { adminRoute } from '../features/admin/index.tsx';
import { AcceptInvitationPage } from '../features/auth/AcceptInvitationPage.tsx';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.tsx';
import { SetupPage } from '../features/auth/SetupPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { feedRoutes } from '../features/feeds/index.tsx';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { UnsubscribePage } from '../features/notifications/UnsubscribePage.tsx';
import { DirectoryPage } from '../features/people/DirectoryPage.tsx';
import { OrgChartPage } from '../features/people/OrgChartPage.tsx';
import { PersonPage } from '../features/people/PersonPage.tsx';
import { EditProfilePage } from '../features/profile/EditProfilePage.tsx';
import { RecordsPage } from '../features/records/RecordsPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { AcceptSpaceInvitationPage } from '../features/spaces/AcceptSpaceInvitationPage.tsx';
import { spacesRoutes } from '../features/spaces/index.tsx';
import { AppShell } from './AppShell.tsx';
import { NotFound, RouteError } from './errors.tsx';
import { RequireAuth, SetupGate } from './guards.tsx';

export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'invitations/accept', element: <AcceptInvitationPage /> },
      { path: 'spaces/invitations/accept', element: <AcceptSpaceInvitationPage /> },
      { path: 'setup', element: <SetupPage /> },
      { path: 'unsubscribe', element: <UnsubscribePage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              ...feedRoutes,
              { path: 'records', element: <RecordsPage /> },
              { path: 'people', element: <DirectoryPage /> },
              { path: 'people/:handle', element: <PersonPage /> },
              { path: 'people/:handle/edit', element: <EditProfilePage /> },
              { path: 'people/:handle/org', element: <OrgChartPage /> },
              ...spacesRoutes,
              { path: 'notifications', element: <NotificationsPage /> },
              { path: 'settings', element: <SettingsPage /> },
              { path: 'admin', ...adminRoute },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
