/** Every TanStack Query key in one place, so invalidation is easy to get right. */
export const queryKeys = {
  me: ['me'] as const,
  setup: ['setup'] as const,
  people: {
    all: ['people'] as const,
    list: (filters: Record<string, string>) => ['people', 'list', filters] as const,
    facets: ['people', 'facets'] as const,
    profile: (handle: string) => ['people', 'profile', handle] as const,
    org: (handle: string) => ['people', 'org', handle] as const,
    search: (q: string) => ['people', 'search', q] as const,
  },
  customFields: ['custom-fields'] as const,
  sessions: ['me', 'sessions'] as const,
  tokens: ['me', 'tokens'] as const,
  admin: {
    people: (filters: Record<string, string>) => ['admin', 'people', filters] as const,
    invitations: (status: string) => ['admin', 'invitations', status] as const,
    customFields: ['admin', 'custom-fields'] as const,
    domains: ['admin', 'internal-domains'] as const,
    audit: (filters: Record<string, string>) => ['admin', 'audit', filters] as const,
  },
};
