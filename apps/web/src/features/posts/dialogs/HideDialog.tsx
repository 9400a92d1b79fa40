import { LIMITS } from '@atrium/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Dialog, FormError, TextArea } from '../../../components/ui/index.ts';
import { formErrors } from '../../../lib/formErrors.ts';

interface HideDialogProps {
  open: boolean;
  /** "post" or "comment". */
  noun: string;
  /** Whether a reason must be given (posts) or may be left out (comments). */
  reasonRequired: boolean;
  hide: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** A moderator hides content from everyone but its author and moderators, saying why. */
export function HideDialog({ open, noun, reasonRequired, hide, onClose }: HideDialogProps) {
  return (
    <Dialog open={open} title={`Hide ${noun}`} onClose={onClose}>
      {open ? <HideForm noun={noun} reasonRequired={reasonRequired} hide={hide} onClose={onClose} /> : null}
    </Dialog>
  );
}

function HideForm({ noun, reasonRequired, hide, onClose }: Omit<HideDialogProps, 'open'>) {
  const [reason, setReason] = useState('');
  const mutation = useMutation({ mutationFn: hide, onSuccess: onClose });
  const errors = formErrors(mutation.error, { reason: 'Reason' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(reason.trim());
  };
  return (
    <form onSubmit={submit} className="stack">
      <p>
        Only its author and moderators will see this {noun}, marked as hidden. You can show it again later.
      </p>
      <TextArea
        label={reasonRequired ? 'Reason' : 'Reason (optional)'}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        maxLength={LIMITS.hideReason}
        required={reasonRequired}
        error={errors.field('reason')}
        hint="The author sees this reason."
      />
      <FormError banner={errors.banner} announcement={errors.announcement} />
      <div className="dialog-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          type="submit"
          variant="danger"
          loading={mutation.isPending}
          disabled={reasonRequired && reason.trim() === ''}
        >
          Hide {noun}
        </Button>
      </div>
    </form>
  );
}
