import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { type FieldProps, FieldShell, useFieldIds } from './Field.tsx';

type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>;

export function TextField({ label, hint, error, hideLabel, className, id, required, ...rest }: InputProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldShell
      id={ids.id}
      label={label}
      hint={hint}
      error={error}
      required={required}
      hideLabel={hideLabel}
      className={className}
    >
      <input
        id={ids.id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        required={required}
        {...rest}
      />
    </FieldShell>
  );
}

type TextAreaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>;

export function TextArea({ label, hint, error, hideLabel, className, id, required, ...rest }: TextAreaProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldShell
      id={ids.id}
      label={label}
      hint={hint}
      error={error}
      required={required}
      hideLabel={hideLabel}
      className={className}
    >
      <textarea
        id={ids.id}
        className="input textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        required={required}
        {...rest}
      />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { options: SelectOption[] };

export function Select({
  label,
  hint,
  error,
  hideLabel,
  className,
  id,
  required,
  options,
  ...rest
}: SelectProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldShell
      id={ids.id}
      label={label}
      hint={hint}
      error={error}
      required={required}
      hideLabel={hideLabel}
      className={className}
    >
      <select
        id={ids.id}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        required={required}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & {
  label: string;
  hint?: string;
};

export function Checkbox({ label, hint, id, ...rest }: CheckboxProps) {
  const ids = useFieldIds(id, hint, undefined);
  return (
    <div className="checkbox">
      <input id={ids.id} type="checkbox" aria-describedby={ids.describedBy} {...rest} />
      <label htmlFor={ids.id}>{label}</label>
      {hint ? (
        <div id={`${ids.id}-hint`} className="field-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
