import { LIMITS } from '@atrium/contracts';
import { Button, Checkbox, TextField } from '../../../components/ui/index.ts';
import type { PollDraft } from './draft.ts';

interface PollFieldsProps {
  value: PollDraft;
  onChange: (value: PollDraft) => void;
  error: string | undefined;
}

export function PollFields({ value, onChange, error }: PollFieldsProps) {
  const { options } = value;
  const setOption = (index: number, text: string) =>
    onChange({ ...value, options: options.map((option, i) => (i === index ? text : option)) });
  const trimmed = options.map((option) => option.trim().toLowerCase()).filter(Boolean);
  const duplicate = trimmed.length !== new Set(trimmed).size;

  return (
    <fieldset className="composer-fieldset">
      <legend>Poll</legend>
      <ol className="poll-draft-options">
        {options.map((option, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: options have no identity beyond their position
          <li key={index} className="row-end">
            <TextField
              label={`Option ${index + 1}`}
              value={option}
              maxLength={LIMITS.pollOption}
              required
              onChange={(event) => setOption(index, event.target.value)}
            />
            {options.length > LIMITS.pollOptions.min ? (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove option ${index + 1}`}
                onClick={() => onChange({ ...value, options: options.filter((_, i) => i !== index) })}
              >
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {options.length < LIMITS.pollOptions.max ? (
        <Button size="sm" onClick={() => onChange({ ...value, options: [...options, ''] })}>
          Add option
        </Button>
      ) : (
        <p className="field-hint">A poll has at most {LIMITS.pollOptions.max} options.</p>
      )}
      {duplicate ? (
        <p className="field-hint">Two options are the same; each option must be different.</p>
      ) : null}
      <Checkbox
        label="Allow choosing several options"
        checked={value.multiple}
        onChange={(event) => onChange({ ...value, multiple: event.target.checked })}
      />
      <TextField
        label="Closes at (optional)"
        type="datetime-local"
        value={value.closesAt}
        onChange={(event) => onChange({ ...value, closesAt: event.target.value })}
        hint="Results are shown to voters, and to everyone once the poll closes."
      />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
