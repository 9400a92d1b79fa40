import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Alert, Button, EmptyState, PageSpinner } from '../../components/ui/index.ts';
import { ApiError, api, enc, errorMessage } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { feeds } from '../feeds/api.ts';
import { useMyStreamChannels } from '../feeds/liveChannels.ts';
import { PostFeed } from '../feeds/PostFeed.tsx';
import { type Topic, topicKeys, topicPath, useTopic } from './api.ts';

/** /topics/:name: the posts carrying a #topic that the viewer may read, and following it. */
export function TopicPage() {
  const { name = '' } = useParams();
  const topic = useTopic(name);
  const channels = useMyStreamChannels();
  useDocumentTitle(`#${name}`);
  if (topic.isPending) return <PageSpinner label="Loading topic…" />;
  if (topic.isError) {
    const missing = topic.error instanceof ApiError && topic.error.status === 404;
    return (
      <EmptyState title={missing ? 'No posts with this topic yet' : 'Could not load this topic'}>
        <p>
          {missing ? `Nothing you can read is tagged #${name}.` : errorMessage(topic.error)}{' '}
          <Link to="/">Back home</Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="feed-page">
      <header className="page-header">
        <div>
          <h1>#{topic.data.name}</h1>
          <p className="muted">{plural(topic.data.postCount, 'post')}</p>
        </div>
        <TopicPreferences topic={topic.data} />
      </header>
      <PostFeed
        source={feeds.topic(topic.data.name)}
        label={`Posts tagged #${topic.data.name}`}
        live={{ channels, accepts: (post) => hasTopic(post.topics, name) }}
        empty={<EmptyState title="No posts you can read carry this topic" />}
      />
    </div>
  );
}

const hasTopic = (topics: string[], name: string) =>
  topics.some((topic) => topic.toLowerCase() === name.toLowerCase());

type TopicChange = { field: 'followedByMe'; on: boolean } | { field: 'mutedByMe'; on: boolean };

const DONE: Record<TopicChange['field'], [string, string]> = {
  followedByMe: ['You follow #', 'You no longer follow #'],
  mutedByMe: ['Muted in your home feed: #', 'No longer muted: #'],
};

/** Follow (its posts come to my home feed) and mute (they stay out of it). */
function TopicPreferences({ topic }: { topic: Topic }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: ({ field, on }: TopicChange) => {
      const path =
        field === 'followedByMe'
          ? topicPath(topic.name, '/follow')
          : `/api/v1/mutes/topic/${enc(topic.name)}`;
      return on ? api.put<void>(path) : api.delete(path);
    },
    onSuccess: (_answer, { field, on }) => {
      queryClient.setQueryData<Topic>(topicKeys.detail(topic.name), (old) =>
        old ? { ...old, [field]: on } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['feeds', 'home'] });
    },
  });
  const busy = (field: TopicChange['field']) => change.isPending && change.variables?.field === field;
  const done =
    change.isSuccess && change.variables ? DONE[change.variables.field][change.variables.on ? 0 : 1] : '';
  return (
    <div className="stack">
      <div className="row">
        <Button
          variant={topic.followedByMe ? 'secondary' : 'primary'}
          loading={busy('followedByMe')}
          onClick={() => change.mutate({ field: 'followedByMe', on: !topic.followedByMe })}
        >
          {topic.followedByMe ? 'Unfollow' : 'Follow'}
        </Button>
        <Button
          variant="ghost"
          loading={busy('mutedByMe')}
          onClick={() => change.mutate({ field: 'mutedByMe', on: !topic.mutedByMe })}
        >
          {topic.mutedByMe ? 'Unmute' : 'Mute in home feed'}
        </Button>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {done ? `${done}${topic.name}.` : ''}
      </span>
      {change.isError ? <Alert tone="danger">{errorMessage(change.error)}</Alert> : null}
    </div>
  );
}
