import { AVAILABILITIES, type Availability, NOTIFICATION_LIMITS } from '@atrium/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Button, Dialog, FormError, TextField } from '../../components/ui/index.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { type MyStatus, useClearStatus, useSetStatus } from './api.ts';
import { AVAILABILITY_HINTS, AVAILABILITY_LABELS } from './labels.ts';

/** An ISO instant as the value of a datetime-local input (local time, to the minute). */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value (local time) as an ISO instant; blank is none. */
function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

interface StatusDialogProps {
  open: boolean;
  current: MyStatus | undefined;
  onClose: () => void;
}

/** Set my availability with an optional message and end, or clear it back to available. */
export function StatusDialog({ open, current, onClose }: StatusDialogProps) {
  return open ? <StatusForm current={current} onClose={onClose} /> : null;
}

function StatusForm({ current, onClose }: Omit<StatusDialogProps, 'open'>) {
  const formId = useId();
  const groupId = useId();
  const [availability, setAvailability] = useState<Availability>(current?.availability ?? 'available');
  const [message, setMessage] = useState(current?.message ?? '');
  const [until, setUntil] = useState(toLocalInput(current?.until ?? null));
  const save = useSetStatus();
  const clear = useClearStatus();
  const errors = useFormErrors(save, { availability: 'Availability', message: 'Message', until: 'Until' });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clear.reset();
    save.mutate(
      { availability, message: message.trim() || null, until: fromLocalInput(until) },
      { onSuccess: onClose },
    );
  };
  const outOfOffice = availability === 'out_of_office';

  return (
    <Dialog
      open
      title="Set your status"
      onClose={onClose}
      footer={
        <>
          <Button
            variant="ghost"
            loading={clear.isPending}
            onClick={() => {
              save.reset();
              clear.mutate(undefined, { onSuccess: onClose });
            }}
          >
            Clear status
          </Button>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form={formId} variant="primary" loading={save.isPending}>
            Save status
          </Button>
        </>
      }
    >
      <form id={formId} ref={errors.formRef} className="stack" onSubmit={onSubmit} noValidate>
        <FormError banner={errors.banner ?? (clear.isError ? 'Could not clear your status.' : null)} />
        <fieldset
          className="fieldset choice-group"
          aria-describedby={errors.field('availability') ? `${groupId}-error` : undefined}
        >
          <legend>Availability</legend>
          {AVAILABILITIES.map((option) => (
            <div key={option} className="choice">
              <input
                type="radio"
                id={`${groupId}-${option}`}
                name={`${groupId}-availability`}
                checked={availability === option}
                onChange={() => setAvailability(option)}
                aria-describedby={`${groupId}-${option}-hint`}
              />
              <div className="choice-text">
                <label htmlFor={`${groupId}-${option}`} className="choice-label">
                  {AVAILABILITY_LABELS[option]}
                </label>
                <span id={`${groupId}-${option}-hint`} className="field-hint">
                  {AVAILABILITY_HINTS[option]}
                </span>
              </div>
            </div>
          ))}
          {errors.field('availability') ? (
            <div id={`${groupId}-error`} className="field-error">
              {errors.field('availability')}
            </div>
          ) : null}
        </fieldset>
        <TextField
          label="Message"
          hint={
            outOfOffice
              ? 'Optional, e.g. “Back on Monday; ask Ana for anything urgent.”'
              : 'Optional, e.g. “In workshops all day”.'
          }
          maxLength={NOTIFICATION_LIMITS.statusMessage}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          error={errors.field('message')}
        />
        <TextField
          label={outOfOffice ? 'Back on' : 'Clear after'}
          type="datetime-local"
          hint="Optional. Your status returns to available then."
          value={until}
          onChange={(event) => setUntil(event.target.value)}
          error={errors.field('until')}
        />
      </form>
    </Dialog>
  );
}
