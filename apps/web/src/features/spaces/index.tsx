import type { RouteObject } from 'react-router';
import { SpaceFeed } from '../feeds/SpaceFeed.tsx';
import { CreateSpacePage } from './CreateSpacePage.tsx';
import { SpaceAbout } from './SpaceAbout.tsx';
import { SpaceInvitations } from './SpaceInvitations.tsx';
import { SpaceMembers } from './SpaceMembers.tsx';
import { SpaceNotFound, SpacePage } from './SpacePage.tsx';
import { SpaceRequests } from './SpaceRequests.tsx';
import { SpaceSettings } from './SpaceSettings.tsx';
import { SpacesPage } from './SpacesPage.tsx';

/** Signed-in routes, mounted at /spaces. */
export const spacesRoutes: RouteObject[] = [
  { path: 'spaces', element: <SpacesPage /> },
  { path: 'spaces/new', element: <CreateSpacePage /> },
  {
    path: 'spaces/:handle',
    element: <SpacePage />,
    children: [
      { index: true, element: <SpaceAbout /> },
      { path: 'feed', element: <SpaceFeed /> },
      { path: 'members', element: <SpaceMembers /> },
      { path: 'requests', element: <SpaceRequests /> },
      { path: 'invitations', element: <SpaceInvitations /> },
      { path: 'settings', element: <SpaceSettings /> },
      { path: '*', element: <SpaceNotFound /> },
    ],
  },
];
