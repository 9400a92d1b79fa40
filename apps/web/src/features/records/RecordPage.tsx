import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Alert, Badge, Button, Card, EmptyState, PageSpinner } from '../../components/ui/index.ts';
import { ApiError, api, errorMessage } from '../../lib/api.ts';
import { formatDate, plural } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { feeds } from '../feeds/api.ts';
import { PostFeed } from '../feeds/PostFeed.tsx';
import { Composer } from '../posts/composer/Composer.tsx';
import { recordKeys, recordPath, useRecord } from './api.ts';
import { RecordFields } from './RecordFields.tsx';
import type { RecordView } from './types.ts';
import './records.css';

/** /records/:id: the record's fields, the link back to its system, followers, and its feed. */
export function RecordPage() {
  const { id = '' } = useParams();
  const record = useRecord(id);
  useDocumentTitle(record.data?.name ?? 'Record');
  if (record.isPending) return <PageSpinner label="Loading record…" />;
  if (record.isError) {
    const missing = record.error instanceof ApiError && record.error.status === 404;
    return (
      <EmptyState title={missing ? 'Record not found' : 'Could not load this record'}>
        <p>
          {missing ? 'There is no record here, or you cannot see it.' : errorMessage(record.error)}{' '}
          <Link to="/">Back home</Link>
        </p>
      </EmptyState>
    );
  }
  return <RecordDetails record={record.data} />;
}

function RecordDetails({ record }: { record: RecordView }) {
  return (
    <div className="record-page">
      <header className="page-header">
        <div>
          <p className="record-type">
            <Badge tone="info">{record.type.name}</Badge>
          </p>
          <h1>{record.name}</h1>
          <p className="muted">
            {plural(record.followerCount, 'follower')} · updated {formatDate(record.updatedAt)}
          </p>
        </div>
        <div className="row">
          {record.externalUrl ? (
            <a
              className="btn btn-secondary"
              href={record.externalUrl}
              target="_blank"
              rel="noopener noreferrer"
            >
              Open in {record.externalSystem ?? 'its system'}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : null}
          {record.abilities.follow ? <FollowRecord record={record} /> : null}
        </div>
      </header>
      <div className="record-layout">
        <div className="stack record-main">
          {record.abilities.post ? (
            <Composer
              target={{ input: { type: 'record', id: record.id }, label: record.name, canAnnounce: false }}
            />
          ) : null}
          <PostFeed
            source={feeds.record(record.id)}
            label={`Posts about ${record.name}`}
            live={{ channels: [`record:${record.id}`] }}
            empty={<EmptyState title="No posts about this record yet" />}
          />
        </div>
        <aside className="stack record-side" aria-label="Record details">
          <Card title="Details">
            <RecordFields fields={record.fields} />
            {record.externalId ? (
              <p className="muted record-external">
                {record.externalSystem} id: <code>{record.externalId}</code>
              </p>
            ) : null}
          </Card>
          {record.sharedInto.length > 0 ? (
            <Card title="Shared into">
              <ul className="plain-list">
                {record.sharedInto.map((space) => (
                  <li key={space.id}>
                    <Link to={`/spaces/${space.handle}/feed`}>{space.name}</Link>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

function FollowRecord({ record }: { record: RecordView }) {
  const queryClient = useQueryClient();
  const path = recordPath(record.id, '/follow');
  const toggle = useMutation({
    mutationFn: (on: boolean) => (on ? api.put<void>(path) : api.delete(path)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recordKeys.detail(record.id) }),
  });
  return (
    <>
      <Button
        variant={record.followedByMe ? 'secondary' : 'primary'}
        loading={toggle.isPending}
        onClick={() => toggle.mutate(!record.followedByMe)}
      >
        {record.followedByMe ? 'Unfollow' : 'Follow'}
      </Button>
      {toggle.isError ? <Alert tone="danger">{errorMessage(toggle.error)}</Alert> : null}
    </>
  );
}
