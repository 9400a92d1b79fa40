import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Availability, CurrentStatus } from '../../lib/types.ts';

/** ISO weekdays 1 (Monday) – 7 and 'HH:MM' bounds in my time zone; an end before the start runs over midnight. */
export interface WorkingHours {
  days: number[];
  start: string;
  end: string;
}

export interface MyStatus extends CurrentStatus {
  workingHours: WorkingHours | null;
  updatedAt: string | null;
}

export interface StatusInput {
  availability: Availability;
  message: string | null;
  until: string | null;
}

export const statusKey = ['me', 'status'] as const;

export function useMyStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: ({ signal }) => api.get<MyStatus>('/api/v1/me/status', undefined, signal),
    staleTime: 60_000,
  });
}

/** Writes that answer with my whole status: the answer replaces the cached one, and my profile reloads. */
function useStatusWrite<Input>(write: (input: Input) => Promise<MyStatus>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (status) => {
      queryClient.setQueryData(statusKey, status);
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

export function useSetStatus() {
  return useStatusWrite((input: StatusInput) => api.put<MyStatus>('/api/v1/me/status', input));
}

export function useClearStatus() {
  return useStatusWrite(() => api.delete<MyStatus>('/api/v1/me/status'));
}

export function useSetWorkingHours() {
  return useStatusWrite((hours: WorkingHours | null) => api.put<MyStatus>('/api/v1/me/working-hours', hours));
}
