import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, enc } from '../../lib/api.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { CustomField, Facets, OrgChart, Page, PersonSummary, Profile } from '../../lib/types.ts';

export interface DirectoryFilters {
  q: string;
  department: string;
  location: string;
  skill: string;
}

export function useDirectory(filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.people.list({ ...filters }),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PersonSummary>>('/api/v1/people', { ...filters, cursor: pageParam, limit: 25 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export function useFacets() {
  return useQuery({
    queryKey: queryKeys.people.facets,
    queryFn: () => api.get<Facets>('/api/v1/people/facets'),
    staleTime: 5 * 60_000,
  });
}

export function useProfile(handle: string) {
  return useQuery({
    queryKey: queryKeys.people.profile(handle),
    queryFn: () => api.get<Profile>(`/api/v1/people/${enc(handle)}`),
  });
}

export function useOrgChart(handle: string) {
  return useQuery({
    queryKey: queryKeys.people.org(handle),
    queryFn: () => api.get<OrgChart>(`/api/v1/people/${enc(handle)}/org`),
  });
}

export function useCustomFields() {
  return useQuery({
    queryKey: queryKeys.customFields,
    queryFn: () => api.get<{ items: CustomField[] }>('/api/v1/custom-fields'),
    staleTime: 5 * 60_000,
  });
}
