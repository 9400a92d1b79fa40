import { useQuery } from '@tanstack/react-query';
import { api, enc } from '../../lib/api.ts';
import type { RecordView } from './types.ts';

export const recordKeys = {
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
