import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../../../lib/api.ts';
import { useMe } from '../../auth/session.ts';
import { patchPost, postPath } from '../api.ts';
import type { CommentView, PostView, QuestionView } from '../types.ts';

interface AcceptAnswerButtonProps {
  post: PostView;
  comment: CommentView;
  accepted: boolean;
}

/** On a question: the asker (or a moderator) marks one comment as the accepted answer. */
export function AcceptAnswerButton({ post, comment, accepted }: AcceptAnswerButtonProps) {
  const me = useMe();
  const queryClient = useQueryClient();
  const mayAccept = post.kind === 'question' && (post.author?.id === me.person.id || post.abilities.hide);
  const accept = useMutation({
    mutationFn: async (on: boolean): Promise<QuestionView> => {
      if (on) return api.put<QuestionView>(postPath(post.id, '/accepted-answer'), { commentId: comment.id });
      await api.delete(postPath(post.id, '/accepted-answer'));
      return { acceptedCommentId: null };
    },
    onSuccess: (question) => patchPost(queryClient, post.id, () => ({ question })),
  });
  if (!mayAccept || comment.deleted) return null;
  return (
    <>
      <button
        type="button"
        className="chip-button"
        aria-pressed={accepted}
        disabled={accept.isPending}
        onClick={() => accept.mutate(!accepted)}
      >
        <span aria-hidden="true">✓</span> Accept as answer
      </button>
      {accept.isError ? (
        <span className="field-error" role="alert">
          {errorMessage(accept.error)}
        </span>
      ) : null}
    </>
  );
}
