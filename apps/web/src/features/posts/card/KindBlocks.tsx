import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Dialog, Spinner } from '../../../components/ui/index.ts';
import { api, errorMessage } from '../../../lib/api.ts';
import { formatDate, plural } from '../../../lib/format.ts';
import type { Page, PersonSummary } from '../../../lib/types.ts';
import { patchPost, postKeys, postPath } from '../api.ts';
import { BADGE_LABELS } from '../labels.ts';
import type { AnnouncementView, PraiseView } from '../types.ts';

export function PraiseBlock({ praise }: { praise: PraiseView }) {
  const badge = BADGE_LABELS[praise.badge];
  return (
    <div className="praise">
      <span className="praise-badge">
        <span aria-hidden="true">{badge.emoji}</span> {badge.label}
      </span>
      {praise.recipients.length > 0 ? (
        <p className="praise-recipients">
          Praise for{' '}
          {praise.recipients.map((person, index) => (
            <span key={person.id}>
              {index > 0 ? (index === praise.recipients.length - 1 ? ' and ' : ', ') : null}
              <Link to={`/people/${person.handle}`}>{person.name}</Link>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

interface AnnouncementBlockProps {
  postId: string;
  announcement: AnnouncementView;
  /** The author and moderators may see who acknowledged. */
  canSeeAcks: boolean;
}

export function AnnouncementBlock({ postId, announcement, canSeeAcks }: AnnouncementBlockProps) {
  const queryClient = useQueryClient();
  const [listOpen, setListOpen] = useState(false);
  const ack = useMutation({
    mutationFn: () => api.put<AnnouncementView>(postPath(postId, '/acknowledgement')),
    onSuccess: (answer) => patchPost(queryClient, postId, () => ({ announcement: answer })),
  });
  return (
    <div className="announcement">
      {announcement.pinnedUntil ? (
        <p className="muted">Pinned until {formatDate(announcement.pinnedUntil)}</p>
      ) : null}
      {announcement.requiresAck ? (
        <div className="row">
          {announcement.acknowledgedByMe ? (
            <span className="ack-done">
              <span aria-hidden="true">✓</span> You acknowledged this
            </span>
          ) : (
            <Button size="sm" variant="primary" loading={ack.isPending} onClick={() => ack.mutate()}>
              Acknowledge
            </Button>
          )}
          {canSeeAcks ? (
            <button type="button" className="link-button" onClick={() => setListOpen(true)}>
              {plural(announcement.ackCount, 'acknowledgement')}
            </button>
          ) : (
            <span className="muted">{plural(announcement.ackCount, 'acknowledgement')}</span>
          )}
        </div>
      ) : null}
      {ack.isError ? <Alert tone="danger">{errorMessage(ack.error)}</Alert> : null}
      {ack.isSuccess ? (
        <span className="visually-hidden" role="status">
          Acknowledged.
        </span>
      ) : null}
      <Dialog open={listOpen} title="Who acknowledged" onClose={() => setListOpen(false)}>
        <Acknowledgements postId={postId} />
      </Dialog>
    </div>
  );
}

interface Acknowledgement {
  person: PersonSummary;
  acknowledgedAt: string;
}

function Acknowledgements({ postId }: { postId: string }) {
  const list = useQuery({
    queryKey: postKeys.acknowledgements(postId),
    queryFn: () => api.get<Page<Acknowledgement>>(postPath(postId, '/acknowledgements'), { limit: 100 }),
  });
  if (list.isPending) return <Spinner label="Loading acknowledgements…" />;
  if (list.isError) return <Alert tone="danger">{errorMessage(list.error)}</Alert>;
  if (list.data.items.length === 0) return <p className="muted">No one has acknowledged it yet.</p>;
  return (
    <ul className="plain-list">
      {list.data.items.map((item) => (
        <li key={item.person.id}>
          <Link to={`/people/${item.person.handle}`}>{item.person.name}</Link>{' '}
          <span className="muted">{formatDate(item.acknowledgedAt)}</span>
        </li>
      ))}
      {list.data.nextCursor ? <li className="muted">…and more</li> : null}
    </ul>
  );
}
