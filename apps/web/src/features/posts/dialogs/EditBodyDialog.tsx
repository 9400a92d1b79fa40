import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Button, Dialog, FormError } from '../../../components/ui/index.ts';
import { formErrors } from '../../../lib/formErrors.ts';
import { MarkdownEditor } from '../composer/MarkdownEditor.tsx';
import type { MentionScope } from '../composer/useSuggestions.ts';

interface EditBodyDialogProps {
  open: boolean;
  title: string;
  initial: string;
  maxLength: number;
  mentionScope: MentionScope | null;
  /** Sends the new body; the dialog closes when it succeeds. */
  save: (body: string) => Promise<unknown>;
  onClose: () => void;
}

/** Edits the markdown of a post or a comment; the previous version goes to its visible history. */
export function EditBodyDialog({
  open,
  title,
  initial,
  maxLength,
  mentionScope,
  save,
  onClose,
}: EditBodyDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      {open ? (
        <EditForm
          initial={initial}
          maxLength={maxLength}
          mentionScope={mentionScope}
          save={save}
          onClose={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function EditForm({
  initial,
  maxLength,
  mentionScope,
  save,
  onClose,
}: Omit<EditBodyDialogProps, 'open' | 'title'>) {
  const [body, setBody] = useState(initial);
  const formId = useId();
  const mutation = useMutation({ mutationFn: save, onSuccess: onClose });
  const errors = formErrors(mutation.error, { body: 'Text' });
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    mutation.mutate(body);
  };
  return (
    <form id={formId} onSubmit={submit} className="stack">
      <MarkdownEditor
        label="Text"
        value={body}
        onChange={setBody}
        mentionScope={mentionScope}
        error={errors.field('body')}
        maxLength={maxLength}
        rows={6}
        autoFocus
        onSubmit={() => submit()}
      />
      <FormError banner={errors.banner} announcement={errors.announcement} />
      <div className="dialog-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" loading={mutation.isPending} disabled={body === initial}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
