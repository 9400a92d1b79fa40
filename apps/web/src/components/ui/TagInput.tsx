import { type KeyboardEvent, useState } from 'react';
import { type FieldProps, FieldShell, useFieldIds } from './Field.tsx';

interface TagInputProps extends FieldProps {
  id?: string;
  value: string[];
  onChange: (next: string[]) => void;
  maxTags?: number;
  maxLength?: number;
  /** Singular noun used in "Remove <noun> X" button labels. */
  noun?: string;
  placeholder?: string;
}

/** Type a tag and press Enter or comma to add it; Backspace on an empty box removes the last one. */
export function TagInput({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  maxTags = 50,
  maxLength = 60,
  noun = 'tag',
  placeholder,
  hideLabel,
  className,
}: TagInputProps) {
  const [draft, setDraft] = useState('');
  const ids = useFieldIds(id, hint ?? 'Press Enter or comma to add.', error);

  const add = (raw: string) => {
    const tag = raw.trim().slice(0, maxLength);
    if (!tag) return;
    if (value.some((existing) => existing.toLowerCase() === tag.toLowerCase())) {
      setDraft('');
      return;
    }
    if (value.length >= maxTags) return;
    onChange([...value, tag]);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <FieldShell
      id={ids.id}
      label={label}
      hint={hint ?? 'Press Enter or comma to add.'}
      error={error}
      hideLabel={hideLabel}
      className={className}
    >
      <div className="tag-input">
        {value.length > 0 ? (
          <ul className="tag-list">
            {value.map((tag) => (
              <li key={tag} className="tag">
                <span>{tag}</span>
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={`Remove ${noun} ${tag}`}
                  onClick={() => onChange(value.filter((item) => item !== tag))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={ids.id}
          className="tag-input-field"
          value={draft}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-describedby={ids.describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => add(draft)}
        />
      </div>
    </FieldShell>
  );
}
