import { LIMITS } from '@atrium/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../../../components/ui/index.ts';
import { api, errorMessage } from '../../../lib/api.ts';
import { postPath, storePost } from '../api.ts';
import { EditBodyDialog } from '../dialogs/EditBodyDialog.tsx';
import { HideDialog } from '../dialogs/HideDialog.tsx';
import { RevisionsDialog } from '../dialogs/RevisionsDialog.tsx';
import { ShareDialog } from '../dialogs/ShareDialog.tsx';
import type { PostView, SharedPostView } from '../types.ts';
import type { usePostActions } from '../usePostActions.ts';

export type PostDialog = 'edit' | 'history' | 'share' | 'hide' | 'delete';

interface PostDialogsProps {
  post: SharedPostView;
  open: PostDialog | null;
  actions: ReturnType<typeof usePostActions>;
  onClose: () => void;
  /** After the post is deleted (the detail page leaves). */
  onDeleted?: () => void;
}

export function PostDialogs({ post, open, actions, onClose, onDeleted }: PostDialogsProps) {
  const queryClient = useQueryClient();
  const scope = { targetType: post.target.type, targetId: post.target.id };
  return (
    <>
      <EditBodyDialog
        open={open === 'edit'}
        title="Edit post"
        initial={post.body ?? ''}
        maxLength={LIMITS.postBody}
        mentionScope={scope}
        save={async (body) => storePost(queryClient, await api.patch<PostView>(postPath(post.id), { body }))}
        onClose={onClose}
      />
      <RevisionsDialog open={open === 'history'} subject="posts" id={post.id} onClose={onClose} />
      <ShareDialog open={open === 'share'} postId={post.id} onClose={onClose} />
      <HideDialog
        open={open === 'hide'}
        noun="post"
        reasonRequired
        hide={(reason) => actions.hide.mutateAsync(reason)}
        onClose={onClose}
      />
      <ConfirmDialog
        open={open === 'delete'}
        title="Delete post"
        confirmLabel="Delete post"
        danger
        pending={actions.remove.isPending}
        error={actions.remove.isError ? errorMessage(actions.remove.error) : null}
        onCancel={() => {
          actions.remove.reset();
          onClose();
        }}
        onConfirm={() =>
          actions.remove.mutate(undefined, {
            onSuccess: () => {
              onClose();
              onDeleted?.();
            },
          })
        }
      >
        <p>The post, its comments and reactions disappear for everyone. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
