import { type ReactNode, useId } from 'react';

export interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  /** Hide the label visually (it stays available to assistive technology). */
  hideLabel?: boolean;
  className?: string;
}

interface FieldShellProps extends FieldProps {
  id: string;
  children: ReactNode;
}

/** Label + control + hint + error; the ids are wired by useFieldIds. */
export function FieldShell({
  id,
  label,
  hint,
  error,
  required,
  hideLabel,
  className,
  children,
}: FieldShellProps) {
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
        {required ? (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint ? (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

export function useFieldIds(explicitId: string | undefined, hint: unknown, error: unknown) {
  const generated = useId();
  const id = explicitId ?? generated;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, describedBy: describedBy || undefined };
}

/**
 * Splits a field's props into those of its FieldShell and those of its control, which gets the
 * shared id, aria-invalid and aria-describedby (hint and error).
 */
export function useField<Rest extends object>({
  label,
  hint,
  error,
  hideLabel,
  className,
  id,
  required,
  ...rest
}: FieldProps & { id?: string | undefined } & Rest) {
  const ids = useFieldIds(id, hint, error);
  return {
    shell: { id: ids.id, label, hint, error, required, hideLabel, className },
    control: {
      id: ids.id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': ids.describedBy,
      required,
      ...rest,
    },
  };
}
