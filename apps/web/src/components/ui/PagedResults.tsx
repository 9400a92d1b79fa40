import type { ReactNode } from 'react';
import { errorMessage } from '../../lib/api.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { LoadMore } from './LoadMore.tsx';
import { PageSpinner } from './Spinner.tsx';

interface PagedQuery {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
}

interface PagedResultsProps {
  /** Names the results region. */
  label: string;
  className?: string;
  query: PagedQuery;
  /** How many items are loaded so far. */
  count: number;
  loadingLabel: string;
  /** The title of the alert when nothing could be loaded. */
  errorTitle: string;
  /** Shown when the list loaded and is empty. */
  empty: ReactNode;
  /** The count line once every page is in, e.g. "12 people". */
  total: string;
  /** The list itself. */
  children: ReactNode;
}

/** A directory's results: loading, failure with a retry, empty, or the list with its count and "Load more". */
export function PagedResults({
  label,
  className,
  query,
  count,
  loadingLabel,
  errorTitle,
  empty,
  total,
  children,
}: PagedResultsProps) {
  return (
    <section aria-label={label} aria-busy={query.isFetching} className={className}>
      {query.isPending ? (
        <PageSpinner label={loadingLabel} />
      ) : query.isError && count === 0 ? (
        <Alert
          tone="danger"
          title={errorTitle}
          actions={<Button onClick={() => void query.refetch()}>Try again</Button>}
        >
          {errorMessage(query.error)}
        </Alert>
      ) : count === 0 ? (
        empty
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {query.hasNextPage ? `Showing ${count}` : total}
          </p>
          {children}
          {query.isFetchNextPageError ? <Alert tone="danger">{errorMessage(query.error)}</Alert> : null}
          <LoadMore pages={query} />
        </>
      )}
    </section>
  );
}
