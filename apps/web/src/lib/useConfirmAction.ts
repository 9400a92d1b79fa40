import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from './api.ts';

interface ConfirmActionOptions<T, R> {
  /** Runs once the person confirms, with the item they picked. */
  mutationFn: (target: T) => Promise<R>;
  onSuccess?: (result: R, target: T) => void;
}

/**
 * "Pick an item, confirm, then act on it": the item waiting for confirmation, the request, and the
 * props for a ConfirmDialog (open while an item is picked; cancelling forgets the item and the error).
 */
export function useConfirmAction<T, R = unknown>({ mutationFn, onSuccess }: ConfirmActionOptions<T, R>) {
  const [target, setTarget] = useState<T | null>(null);
  const mutation = useMutation({
    mutationFn,
    onSuccess: (result, item) => {
      setTarget(null);
      onSuccess?.(result, item);
    },
  });
  return {
    target,
    ask: (item: T) => setTarget(item),
    mutation,
    dialog: {
      open: target !== null,
      pending: mutation.isPending,
      error: mutation.isError ? errorMessage(mutation.error) : null,
      onCancel: () => {
        setTarget(null);
        mutation.reset();
      },
      onConfirm: () => {
        if (target !== null) mutation.mutate(target);
      },
    },
  };
}
