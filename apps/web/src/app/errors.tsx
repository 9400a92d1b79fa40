import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Alert, EmptyState } from '../components/ui/index.ts';
import { useDocumentTitle } from '../lib/hooks.ts';

export function NotFound() {
  useDocumentTitle('Not found');
  return (
    <EmptyState title="Page not found">
      <p>
        This page does not exist. <Link to="/people">Go to the people directory</Link>
      </p>
    </EmptyState>
  );
}

/** Last-resort screen when rendering a route throws. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main id="main" className="auth-page">
      <Alert tone="danger" title="Something went wrong">
        <p>{message}</p>
        <a href="/">Reload Atrium</a>
      </Alert>
    </main>
  );
}
