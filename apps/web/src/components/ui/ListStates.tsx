import type { ReactNode } from 'react';
import { errorMessage } from '../../lib/api.ts';
import { Alert } from './Alert.tsx';
import { PageSpinner } from './Spinner.tsx';

interface ListStatesProps {
  query: { isPending: boolean; isError: boolean; error: unknown };
  /** How many items are loaded so far. */
  count: number;
  loadingLabel: string;
  /** Shown when the list loaded and is empty. */
  empty: ReactNode;
  /** The list itself. */
  children: ReactNode;
}

/** Loading, failed (with nothing to show) and empty states for a list, then the list. */
export function ListStates({ query, count, loadingLabel, empty, children }: ListStatesProps) {
  if (query.isPending) return <PageSpinner label={loadingLabel} />;
  if (query.isError && count === 0) return <Alert tone="danger">{errorMessage(query.error)}</Alert>;
  return count === 0 ? empty : children;
}
