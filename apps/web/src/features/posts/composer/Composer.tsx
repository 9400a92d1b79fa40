import { LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, FormError } from '../../../components/ui/index.ts';
import { api } from '../../../lib/api.ts';
import { useFormErrors } from '../../../lib/formErrors.ts';
import { useMe } from '../../auth/session.ts';
import { refreshFeeds, storePost } from '../api.ts';
import type { PostKind, PostTargetInput, PostView } from '../types.ts';
import { COMPOSER_FIELDS, createRequest, type Draft, emptyDraft } from './draft.ts';
import { KindPicker } from './KindPicker.tsx';
import { MarkdownEditor } from './MarkdownEditor.tsx';
import { PollFields } from './PollFields.tsx';
import { AnnouncementFields, PraiseFields } from './PraiseFields.tsx';
import { UploadList } from './UploadList.tsx';
import { useUploads } from './useUploads.ts';
import './composer.css';
import { PaperclipIcon } from '../icons.tsx';

/** Where the composer posts, decided by the page (or by the target picker on the home page). */
export interface ComposerTarget {
  input: PostTargetInput;
  /** "Engineering", "the company feed", "Ana's profile". */
  label: string;
  canAnnounce: boolean;
}

interface ComposerProps {
  target: ComposerTarget | null;
  /** The target picker, on pages where the person chooses. */
  targetField?: ReactNode;
  title?: string;
}

/** What the server accepts (it sniffs the content; this only narrows the file picker). */
const ACCEPTED_FILES =
  'image/jpeg,image/png,image/gif,image/webp,application/pdf,.docx,.xlsx,.pptx,.txt,.csv,.md,text/plain,text/csv,text/markdown';

const BODY_LABELS: Record<PostKind, string> = {
  update: 'Message',
  question: 'Your question',
  poll: 'Poll question',
  praise: 'Why they deserve it',
  announcement: 'Announcement',
};

export function Composer({ target, targetField, title }: ComposerProps) {
  const me = useMe();
  const queryClient = useQueryClient();
  const headingId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [dragging, setDragging] = useState(false);
  const [posted, setPosted] = useState<PostView | null>(null);
  const uploads = useUploads(me.csrfToken);
  const kinds: PostKind[] = ['update', 'question', 'poll', 'praise'];
  if (target?.canAnnounce) kinds.push('announcement');
  const kind = kinds.includes(draft.kind) ? draft.kind : 'update';

  const create = useMutation({
    mutationFn: (input: PostTargetInput) =>
      api.post<PostView>('/api/v1/posts', createRequest({ ...draft, kind }, input, uploads.ids)),
    onSuccess: (post) => {
      setPosted(post);
      setDraft(emptyDraft());
      uploads.clear();
      storePost(queryClient, post);
      refreshFeeds(queryClient);
    },
  });
  const errors = useFormErrors(create, COMPOSER_FIELDS);

  const [localError, setLocalError] = useState<string | null>(null);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!target || uploads.busy || create.isPending) return;
    setPosted(null);
    // The one check the server cannot word for this form: who the praise is for.
    if (kind === 'praise' && draft.praise.recipients.length === 0) {
      create.reset();
      setLocalError('Choose at least one person to praise.');
      return;
    }
    setLocalError(null);
    create.mutate(target.input);
  };

  const onDrag = (event: DragEvent<HTMLElement>, over: boolean) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(over);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(false);
    uploads.add(Array.from(event.dataTransfer.files));
  };

  const update = (change: Partial<Draft>) => {
    setLocalError(null);
    setDraft((current) => ({ ...current, ...change }));
  };
  const waiting = uploads.busy ? 'Wait for the uploads to finish.' : null;

  return (
    <section
      className={dragging ? 'composer card dragging' : 'composer card'}
      aria-labelledby={headingId}
      onDragOver={(event) => onDrag(event, true)}
      onDragEnter={(event) => onDrag(event, true)}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h2 id={headingId} className="composer-title">
        {title ?? 'Write a post'}
        {!title && target && !targetField ? <span className="muted"> in {target.label}</span> : null}
      </h2>
      <form ref={errors.formRef} onSubmit={submit} className="stack" noValidate>
        {targetField}
        <KindPicker kinds={kinds} value={kind} onChange={(next) => update({ kind: next })} />
        <MarkdownEditor
          label={BODY_LABELS[kind]}
          value={draft.body}
          onChange={(body) => update({ body })}
          mentionScope={
            target
              ? { targetType: target.input.type, targetId: 'id' in target.input ? target.input.id : null }
              : null
          }
          error={errors.field('body')}
          hint="Markdown works. Type @ to mention someone and # to add a topic. Ctrl+Enter posts."
          maxLength={LIMITS.postBody}
          onSubmit={() => submit()}
          onPasteFiles={uploads.add}
        />
        {kind === 'poll' ? (
          <PollFields value={draft.poll} onChange={(poll) => update({ poll })} error={errors.field('poll')} />
        ) : null}
        {kind === 'praise' ? (
          <PraiseFields
            value={draft.praise}
            onChange={(praise) => update({ praise })}
            error={localError ?? errors.field('praise')}
            selfId={me.person.id}
          />
        ) : null}
        {kind === 'announcement' ? (
          <AnnouncementFields
            value={draft.announcement}
            onChange={(announcement) => update({ announcement })}
            error={errors.field('announcement')}
          />
        ) : null}
        <UploadList uploads={uploads.uploads} onRemove={uploads.remove} />
        {uploads.notice ? <Alert tone="warning">{uploads.notice}</Alert> : null}
        {errors.field('attachmentIds') ? (
          <p className="field-error">{errors.field('attachmentIds')}</p>
        ) : null}
        {dragging ? (
          <p className="drop-hint" aria-hidden="true">
            Drop files to attach them
          </p>
        ) : null}
        <FormError banner={errors.banner} announcement={errors.announcement} />
        <div className="composer-actions">
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept={ACCEPTED_FILES}
            onChange={(event) => {
              uploads.add(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
          <Button variant="ghost" onClick={() => fileInput.current?.click()}>
            <PaperclipIcon /> Attach files
          </Button>
          <span className="muted composer-wait" aria-live="polite">
            {waiting}
          </span>
          <Button
            type="submit"
            variant="primary"
            loading={create.isPending}
            disabled={!target || uploads.busy}
          >
            Post
          </Button>
        </div>
        <div aria-live="polite" className="composer-status">
          {posted ? (
            <p className="muted">
              Posted. <Link to={`/posts/${posted.id}`}>View your post</Link>
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
