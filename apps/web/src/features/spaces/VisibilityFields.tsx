import { useId } from 'react';
import { AUDIENCE_HINTS, AUDIENCE_LABELS, VISIBILITY_HINTS, VISIBILITY_LABELS } from './labels.ts';
import type { SpaceAudience, SpaceVisibility } from './types.ts';

interface ChoiceProps<T extends string> {
  legend: string;
  name: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  hints: Record<T, string>;
  onChange: (value: T) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** A radio group whose every option carries a one-line explanation. */
function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  labels,
  hints,
  onChange,
  error,
  disabled,
}: ChoiceProps<T>) {
  const id = useId();
  return (
    <fieldset className="fieldset choice-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div key={option} className="choice">
          <input
            type="radio"
            id={`${id}-${option}`}
            name={name}
            value={option}
            checked={value === option}
            disabled={disabled}
            onChange={() => onChange(option)}
            aria-describedby={`${id}-${option}-hint`}
          />
          <div className="choice-text">
            <label htmlFor={`${id}-${option}`} className="choice-label">
              {labels[option]}
            </label>
            <span id={`${id}-${option}-hint`} className="field-hint">
              {hints[option]}
            </span>
          </div>
        </div>
      ))}
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

export function AudienceChoice(props: {
  value: SpaceAudience;
  onChange: (value: SpaceAudience) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  return (
    <Choice
      legend="Audience"
      name="audience"
      options={['internal', 'external'] as const}
      labels={AUDIENCE_LABELS}
      hints={AUDIENCE_HINTS}
      {...props}
    />
  );
}

export function VisibilityChoice(props: {
  value: SpaceVisibility;
  onChange: (value: SpaceVisibility) => void;
  error?: string | undefined;
}) {
  return (
    <Choice
      legend="Visibility"
      name="visibility"
      options={['open', 'private', 'secret'] as const}
      labels={VISIBILITY_LABELS}
      hints={VISIBILITY_HINTS}
      {...props}
    />
  );
}
