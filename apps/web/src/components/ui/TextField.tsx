import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { type FieldProps, FieldShell, useField, useFieldIds } from './Field.tsx';

type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>;

export function TextField(props: InputProps) {
  const { shell, control } = useField(props);
  return (
    <FieldShell {...shell}>
      <input className="input" {...control} />
    </FieldShell>
  );
}

type TextAreaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>;

export function TextArea(props: TextAreaProps) {
  const { shell, control } = useField(props);
  return (
    <FieldShell {...shell}>
      <textarea className="input textarea" {...control} />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { options: SelectOption[] };

export function Select({ options, ...props }: SelectProps) {
  const { shell, control } = useField(props);
  return (
    <FieldShell {...shell}>
      <select className="input select" {...control}>
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
