import { useQueryClient } from '@tanstack/react-query';
import { ReactionsBar } from '../reactions/ReactionsBar.tsx';
import type { CommentView } from '../types.ts';
import { patchComment } from './api.ts';

export function CommentReactions({ comment }: { comment: CommentView }) {
  const queryClient = useQueryClient();
  return (
    <ReactionsBar
      subject="comments"
      id={comment.id}
      summary={comment.reactions}
      canReact={comment.abilities.react}
      onChange={(reactions) => patchComment(queryClient, comment.id, (old) => ({ ...old, reactions }))}
    />
  );
}
