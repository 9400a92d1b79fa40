import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { plural } from '../../../lib/format.ts';
import { useDebouncedValue } from '../../../lib/hooks.ts';
import type { PersonSummary } from '../../../lib/types.ts';
import type { PostTargetType } from '../types.ts';
import type { ActiveReference } from './references.ts';

/** The audience a mention must be able to see: people outside it are never suggested. */
export interface MentionScope {
  targetType: PostTargetType;
  targetId: string | null;
}

export interface Suggestion {
  key: string;
  /** What goes after the sigil. */
  insert: string;
  primary: string;
  secondary: string | null;
  person: PersonSummary | null;
}

const suggestionKeys = {
  mentions: (scope: MentionScope | null, q: string) => ['mention-suggestions', scope, q] as const,
  topics: (q: string) => ['topics', 'suggest', q] as const,
};

/** People (who can see the target) or topics matching what is typed after @ or #. */
export function useSuggestions(reference: ActiveReference | null, scope: MentionScope | null) {
  const sigil = reference?.sigil ?? null;
  const typed = reference?.query ?? '';
  const q = useDebouncedValue(typed, 200);
  // While the typing settles, the search is as good as running.
  const settling = typed !== q;
  const mentions = useQuery({
    queryKey: suggestionKeys.mentions(scope, q),
    queryFn: ({ signal }) =>
      api.get<{ items: PersonSummary[] }>(
        '/api/v1/mention-suggestions',
        { targetType: scope?.targetType, targetId: scope?.targetId, q },
        signal,
      ),
    enabled: sigil === '@' && scope !== null && q.length > 0,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
    retry: false,
  });
  const topics = useQuery({
    queryKey: suggestionKeys.topics(q),
    queryFn: ({ signal }) =>
      api.get<{ items: Array<{ name: string; postCount?: number }> }>(
        '/api/v1/topics',
        { q, limit: 8 },
        signal,
      ),
    enabled: sigil === '#' && q.length > 0,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
    retry: false,
  });

  if (sigil === '@') {
    const items: Suggestion[] = (mentions.data?.items ?? []).slice(0, 8).map((person) => ({
      key: person.id,
      insert: person.handle,
      primary: person.name,
      secondary: `@${person.handle}`,
      person,
    }));
    return {
      items,
      loading: settling || mentions.isFetching,
      error: mentions.isError ? mentions.error : null,
    };
  }
  if (sigil === '#') {
    const items: Suggestion[] = (topics.data?.items ?? []).map((topic) => ({
      key: topic.name,
      insert: topic.name,
      primary: `#${topic.name}`,
      secondary: typeof topic.postCount === 'number' ? plural(topic.postCount, 'post') : null,
      person: null,
    }));
    return { items, loading: settling || topics.isFetching, error: topics.isError ? topics.error : null };
  }
  return { items: [] as Suggestion[], loading: false, error: null };
}
