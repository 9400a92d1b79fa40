import { LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../../../components/ui/index.ts';
import { api, errorMessage } from '../../../lib/api.ts';
import type { MenuAction } from '../card/ActionMenu.tsx';
import { EditBodyDialog } from '../dialogs/EditBodyDialog.tsx';
import { HideDialog } from '../dialogs/HideDialog.tsx';
import { RevisionsDialog } from '../dialogs/RevisionsDialog.tsx';
import type { CommentView, PostView } from '../types.ts';
import { commentPath, refreshThreads, storeComment } from './api.ts';

export type CommentDialog = 'edit' | 'history' | 'hide' | 'delete';

/** The comment's menu: edit, history, hide or show, delete, as its abilities allow. */
export function useCommentMenu(comment: CommentView, open: (dialog: CommentDialog) => void): MenuAction[] {
  const queryClient = useQueryClient();
  const unhide = useMutation({
    mutationFn: () => api.delete<CommentView>(commentPath(comment.id, '/hidden')),
    onSuccess: (fresh) => storeComment(queryClient, fresh),
  });
  const menu: MenuAction[] = [];
  if (comment.abilities.edit && comment.body !== null)
    menu.push({ label: 'Edit', onSelect: () => open('edit') });
  if (comment.editedAt) menu.push({ label: 'Edit history', onSelect: () => open('history') });
  if (comment.abilities.hide) {
    menu.push(
      comment.hidden
        ? { label: 'Show again', onSelect: () => unhide.mutate() }
        : { label: 'Hide', onSelect: () => open('hide') },
    );
  }
  if (comment.abilities.delete) menu.push({ label: 'Delete', danger: true, onSelect: () => open('delete') });
  return menu;
}

interface CommentDialogsProps {
  comment: CommentView;
  post: PostView;
  open: CommentDialog | null;
  onClose: () => void;
}

export function CommentDialogs({ comment, post, open, onClose }: CommentDialogsProps) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(commentPath(comment.id)),
    onSuccess: () => {
      onClose();
      refreshThreads(queryClient, post.id);
    },
  });
  return (
    <>
      <EditBodyDialog
        open={open === 'edit'}
        title="Edit comment"
        initial={comment.body ?? ''}
        maxLength={LIMITS.commentBody}
        mentionScope={{ targetType: post.target.type, targetId: post.target.id }}
        save={async (body) =>
          storeComment(queryClient, await api.patch<CommentView>(commentPath(comment.id), { body }))
        }
        onClose={onClose}
      />
      <RevisionsDialog open={open === 'history'} subject="comments" id={comment.id} onClose={onClose} />
      <HideDialog
        open={open === 'hide'}
        noun="comment"
        reasonRequired={false}
        hide={async (reason) =>
          storeComment(
            queryClient,
            await api.put<CommentView>(commentPath(comment.id, '/hidden'), reason ? { reason } : {}),
          )
        }
        onClose={onClose}
      />
      <ConfirmDialog
        open={open === 'delete'}
        title="Delete comment"
        confirmLabel="Delete comment"
        danger
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onCancel={() => {
          remove.reset();
          onClose();
        }}
        onConfirm={() => remove.mutate()}
      >
        <p>The comment disappears for everyone{comment.replyCount > 0 ? '; its replies stay' : ''}.</p>
      </ConfirmDialog>
    </>
  );
}
