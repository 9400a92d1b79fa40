import { type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, enc } from '../../lib/api.ts';
import type { Page } from '../../lib/types.ts';
import type { CreateRecordInput, RecordSummary, RecordType, RecordView } from './types.ts';

export const recordKeys = {
  all: ['records'] as const,
  list: (filters: { type: string; q: string }) => ['records', 'list', filters] as const,
  types: ['records', 'types'] as const,
  detail: (id: string) => ['records', 'detail', id] as const,
};

export const recordPath = (id: string, rest = '') => `/api/v1/records/${enc(id)}${rest}`;

export function useRecord(id: string) {
  return useQuery({
    queryKey: recordKeys.detail(id),
    queryFn: ({ signal }) => api.get<RecordView>(recordPath(id), undefined, signal),
    retry: false,
  });
}

/** The record types (not archived), with their field definitions. */
export function useRecordTypes() {
  return useQuery({
    queryKey: recordKeys.types,
    queryFn: ({ signal }) => api.get<{ items: RecordType[] }>('/api/v1/record-types', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** Records by name (employees), filtered by type key and search words; "Load more" follows the cursor. */
export function useRecordList(filters: { type: string; q: string }) {
  return useInfiniteQuery({
    queryKey: recordKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<RecordSummary>>(
        '/api/v1/records',
        { type: filters.type, q: filters.q, cursor: pageParam },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export function createRecord(input: CreateRecordInput) {
  return api.post<RecordView>('/api/v1/records', input);
}

export function refreshRecordLists(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['records', 'list'] });
}
