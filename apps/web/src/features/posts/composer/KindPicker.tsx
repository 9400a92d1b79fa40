import { useId } from 'react';
import { KIND_LABELS } from '../labels.ts';
import type { PostKind } from '../types.ts';

interface KindPickerProps {
  kinds: PostKind[];
  value: PostKind;
  onChange: (kind: PostKind) => void;
}

/** The kind of post, as a row of radio buttons styled as a segmented control. */
export function KindPicker({ kinds, value, onChange }: KindPickerProps) {
  const name = useId();
  return (
    <fieldset className="kind-picker">
      <legend className="visually-hidden">Kind of post</legend>
      {kinds.map((kind) => (
        <label key={kind} className={kind === value ? 'kind-option selected' : 'kind-option'}>
          <input
            type="radio"
            name={name}
            value={kind}
            checked={kind === value}
            onChange={() => onChange(kind)}
          />
          <span>{KIND_LABELS[kind]}</span>
        </label>
      ))}
    </fieldset>
  );
}
