import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import type { PersonSummary } from '../../lib/types.ts';
import { FEEDS_ROOT } from '../posts/api.ts';

interface Ref {
  id: string;
  handle: string;
  name: string;
}

/** What I follow beyond my own spaces, and what I muted in my home feed. */
export interface MyFollows {
  topics: string[];
  records: Array<{ id: string; name: string }>;
  spaces: Ref[];
  mutes: { spaces: Ref[]; topics: string[]; people: PersonSummary[] };
}

const followsKey = ['follows', 'mine'] as const;

export function useMyFollows() {
  return useQuery({
    queryKey: followsKey,
    queryFn: ({ signal }) => api.get<MyFollows>('/api/v1/me/follows', undefined, signal),
    staleTime: 60_000,
  });
}

interface Preference {
  /** The API path to PUT (on) or DELETE (off). */
  path: string;
  on: boolean;
}

function usePreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, on }: Preference) => (on ? api.put<void>(path) : api.delete(path)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: followsKey });
      void queryClient.invalidateQueries({ queryKey: [...FEEDS_ROOT, 'home'] });
    },
  });
}

interface SpacePreferencesProps {
  space: { id: string; handle: string; name: string; membership: unknown };
}

/** Members' spaces are in their home feed already; others may follow a space they read. Anyone may mute it. */
export function SpaceFeedPreferences({ space }: SpacePreferencesProps) {
  const follows = useMyFollows();
  const change = usePreference();
  if (!follows.data) return null;
  const following = follows.data.spaces.some((s) => s.id === space.id);
  const muted = follows.data.mutes.spaces.some((s) => s.id === space.id);
  const followPath = `/api/v1/spaces/${enc(space.handle)}/follow`;
  const mutePath = `/api/v1/mutes/space/${enc(space.id)}`;
  return (
    <div className="row feed-preferences">
      {space.membership === null ? (
        <Button
          size="sm"
          loading={change.isPending && change.variables?.path === followPath}
          onClick={() => change.mutate({ path: followPath, on: !following })}
        >
          {following ? 'Unfollow' : 'Follow in my home feed'}
        </Button>
      ) : null}
      <Button
        size="sm"
        variant="ghost"
        loading={change.isPending && change.variables?.path === mutePath}
        onClick={() => change.mutate({ path: mutePath, on: !muted })}
      >
        {muted ? 'Unmute in my home feed' : 'Mute in my home feed'}
      </Button>
      <PreferenceStatus change={change} />
    </div>
  );
}

/** Mute someone's posts in my home feed (their profile still shows them). */
export function PersonMuteButton({ person }: { person: { id: string; name: string } }) {
  const follows = useMyFollows();
  const change = usePreference();
  if (!follows.data) return null;
  const muted = follows.data.mutes.people.some((p) => p.id === person.id);
  return (
    <div className="row feed-preferences">
      <Button
        size="sm"
        variant="ghost"
        loading={change.isPending}
        onClick={() => change.mutate({ path: `/api/v1/mutes/person/${enc(person.id)}`, on: !muted })}
      >
        {muted ? `Unmute ${person.name} in my home feed` : `Mute ${person.name} in my home feed`}
      </Button>
      <PreferenceStatus change={change} />
    </div>
  );
}

function PreferenceStatus({ change }: { change: ReturnType<typeof usePreference> }) {
  if (change.isError) return <Alert tone="danger">{errorMessage(change.error)}</Alert>;
  return (
    <span className="visually-hidden" aria-live="polite">
      {change.isSuccess ? 'Saved. Your home feed follows the change.' : ''}
    </span>
  );
}
