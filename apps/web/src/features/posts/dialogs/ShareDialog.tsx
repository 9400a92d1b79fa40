import { LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Dialog, FormError, Select, Spinner } from '../../../components/ui/index.ts';
import { api } from '../../../lib/api.ts';
import { formErrors } from '../../../lib/formErrors.ts';
import { useMe } from '../../auth/session.ts';
import { postPath, refreshFeeds, refreshPost } from '../api.ts';
import { MarkdownEditor } from '../composer/MarkdownEditor.tsx';
import type { PostTargetInput, PostView } from '../types.ts';
import { useMySpaces } from '../useMySpaces.ts';

interface ShareDialogProps {
  open: boolean;
  postId: string;
  onClose: () => void;
}

/** Shares a post into another feed with a comment; the server refuses a wider audience and says why. */
export function ShareDialog({ open, postId, onClose }: ShareDialogProps) {
  return (
    <Dialog open={open} title="Share post" onClose={onClose}>
      {open ? <ShareForm postId={postId} onClose={onClose} /> : null}
    </Dialog>
  );
}

function targetOf(value: string): PostTargetInput {
  if (value.startsWith('space:')) return { type: 'space', id: value.slice('space:'.length) };
  return { type: 'company' };
}

function ShareForm({ postId, onClose }: Omit<ShareDialogProps, 'open'>) {
  const me = useMe();
  const queryClient = useQueryClient();
  const spaces = useMySpaces();
  const employee = me.person.kind === 'member';
  const [choice, setChoice] = useState(employee ? 'company' : '');
  const [body, setBody] = useState('');
  const share = useMutation({
    mutationFn: () =>
      api.post<PostView>(postPath(postId, '/shares'), {
        target: targetOf(choice),
        ...(body.trim() ? { body } : {}),
      }),
    onSuccess: () => {
      refreshFeeds(queryClient);
      void refreshPost(queryClient, postId);
    },
  });
  const errors = formErrors(share.error, { target: 'Share to', body: 'Comment' });
  const options = [
    ...(employee ? [{ value: 'company', label: 'Company feed' }] : []),
    ...(spaces.data?.items ?? []).map((space) => ({ value: `space:${space.id}`, label: space.name })),
  ];
  const target = targetOf(choice);

  if (share.isSuccess) {
    return (
      <div className="stack">
        <Alert tone="success" title="Shared">
          <Link to={`/posts/${share.data.id}`}>View the shared post</Link>
        </Alert>
        <div className="dialog-actions">
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice) share.mutate();
  };

  return (
    <form onSubmit={submit} className="stack">
      {spaces.isPending ? <Spinner label="Loading your spaces…" /> : null}
      <Select
        label="Share to"
        value={choice}
        options={choice ? options : [{ value: '', label: 'Choose where to share' }, ...options]}
        onChange={(event) => {
          setChoice(event.target.value);
          share.reset();
        }}
        error={errors.field('target')}
        required
      />
      <MarkdownEditor
        label="Comment (optional)"
        value={body}
        onChange={setBody}
        mentionScope={
          choice ? { targetType: target.type, targetId: 'id' in target ? target.id : null } : null
        }
        error={errors.field('body')}
        maxLength={LIMITS.postBody}
        rows={3}
      />
      <FormError banner={errors.banner} announcement={errors.announcement} />
      <div className="dialog-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" loading={share.isPending} disabled={!choice}>
          Share
        </Button>
      </div>
    </form>
  );
}
