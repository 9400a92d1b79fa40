import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Dialog, LoadMore, Spinner } from '../../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { Page } from '../../../lib/types.ts';
import { postKeys } from '../api.ts';
import { RichText } from '../card/RichText.tsx';
import type { Revision } from '../types.ts';

interface RevisionsDialogProps {
  open: boolean;
  subject: 'posts' | 'comments';
  id: string;
  onClose: () => void;
}

/** Earlier versions of a post or comment, newest first: each is the text as it was before an edit. */
export function RevisionsDialog({ open, subject, id, onClose }: RevisionsDialogProps) {
  return (
    <Dialog open={open} title="Edit history" onClose={onClose}>
      {open ? <Revisions subject={subject} id={id} /> : null}
    </Dialog>
  );
}

function Revisions({ subject, id }: Omit<RevisionsDialogProps, 'open' | 'onClose'>) {
  const query = useInfiniteQuery({
    queryKey: postKeys.revisions(subject, id),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Revision>>(`/api/v1/${subject}/${enc(id)}/revisions`, { cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Spinner label="Loading history…" />;
  if (query.isError) return <Alert tone="danger">{errorMessage(query.error)}</Alert>;
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p className="muted">This has not been edited.</p>;
  return (
    <>
      <ol className="revision-list">
        {items.map((revision) => (
          <li key={revision.id} className="revision">
            <p className="muted revision-meta">
              Replaced <time dateTime={revision.createdAt}>{formatDateTime(revision.createdAt)}</time>
              {revision.editor ? ` by ${revision.editor.name}` : ''}
            </p>
            <RichText html={revision.bodyHtml} className="revision-body" />
          </li>
        ))}
      </ol>
      <LoadMore pages={query} />
    </>
  );
}
