import type { RouteObject } from 'react-router';
import { PostDetailPage } from '../posts/PostDetailPage.tsx';
import { RecordPage } from '../records/RecordPage.tsx';
import { TopicPage } from '../topics/TopicPage.tsx';
import { BookmarksPage } from './BookmarksPage.tsx';
import { CompanyFeedPage } from './CompanyFeedPage.tsx';
import { HomePage } from './HomePage.tsx';

/** Signed-in routes of the feeds and conversations (the space feed is a tab of the space page). */
export const feedRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'company', element: <CompanyFeedPage /> },
  { path: 'bookmarks', element: <BookmarksPage /> },
  { path: 'posts/:id', element: <PostDetailPage /> },
  { path: 'topics/:name', element: <TopicPage /> },
  { path: 'records/:id', element: <RecordPage /> },
];
