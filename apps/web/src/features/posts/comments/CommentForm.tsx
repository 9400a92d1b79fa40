import { LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, FormError } from '../../../components/ui/index.ts';
import { api } from '../../../lib/api.ts';
import { useFormErrors } from '../../../lib/formErrors.ts';
import { postPath } from '../api.ts';
import { MarkdownEditor } from '../composer/MarkdownEditor.tsx';
import type { MentionScope } from '../composer/useSuggestions.ts';
import type { CommentView } from '../types.ts';
import { refreshThreads } from './api.ts';

interface CommentFormProps {
  postId: string;
  /** The comment being replied to. */
  parentId?: string;
  label: string;
  mentionScope: MentionScope;
  autoFocus?: boolean;
  onDone?: () => void;
  onCancel?: () => void;
}

export function CommentForm({
  postId,
  parentId,
  label,
  mentionScope,
  autoFocus,
  onDone,
  onCancel,
}: CommentFormProps) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.post<CommentView>(postPath(postId, '/comments'), { body, ...(parentId ? { parentId } : {}) }),
    onSuccess: () => {
      setBody('');
      refreshThreads(queryClient, postId);
      onDone?.();
    },
  });
  const errors = useFormErrors(create, { body: label, parentId: 'Reply to' });
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (body.trim() && !create.isPending) create.mutate();
  };
  return (
    <form ref={errors.formRef} onSubmit={submit} className="comment-form stack">
      <MarkdownEditor
        label={label}
        value={body}
        onChange={setBody}
        mentionScope={mentionScope}
        error={errors.field('body')}
        maxLength={LIMITS.commentBody}
        rows={parentId ? 2 : 3}
        autoFocus={autoFocus}
        onSubmit={() => submit()}
      />
      <FormError banner={errors.banner} announcement={errors.announcement} />
      <div className="row">
        <Button type="submit" variant="primary" size="sm" loading={create.isPending} disabled={!body.trim()}>
          {parentId ? 'Reply' : 'Comment'}
        </Button>
        {onCancel ? (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        {create.isSuccess && !parentId ? (
          <span className="muted" role="status">
            Comment added.
          </span>
        ) : null}
      </div>
    </form>
  );
}
