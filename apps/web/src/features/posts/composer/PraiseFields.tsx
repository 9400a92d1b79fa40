import { LIMITS, PRAISE_BADGES } from '@atrium/contracts';
import { useId } from 'react';
import { Avatar, Checkbox, TextField } from '../../../components/ui/index.ts';
import { PersonPicker } from '../../people/PersonPicker.tsx';
import { BADGE_LABELS } from '../labels.ts';
import type { AnnouncementDraft, PraiseDraft } from './draft.ts';

interface PraiseFieldsProps {
  value: PraiseDraft;
  onChange: (value: PraiseDraft) => void;
  error: string | undefined;
  /** The author cannot praise themselves. */
  selfId: string;
}

export function PraiseFields({ value, onChange, error, selfId }: PraiseFieldsProps) {
  const { recipients } = value;
  const badgeName = useId();
  return (
    <fieldset className="composer-fieldset">
      <legend>Praise</legend>
      {recipients.length > 0 ? (
        <ul className="chip-list" aria-label="Recipients">
          {recipients.map((person) => (
            <li key={person.id} className="chip">
              <Avatar name={person.name} src={person.avatarUrl} size="sm" />
              <span>{person.name}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${person.name}`}
                onClick={() =>
                  onChange({ ...value, recipients: recipients.filter((p) => p.id !== person.id) })
                }
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {recipients.length < LIMITS.praiseRecipients ? (
        <PersonPicker
          label="Add a person to praise"
          value={null}
          excludeId={selfId}
          removeLabel="Remove"
          hint="Type a name and choose from the list; add as many people as you like."
          error={error}
          onChange={(person) => {
            if (person && !recipients.some((p) => p.id === person.id)) {
              onChange({ ...value, recipients: [...recipients, person] });
            }
          }}
        />
      ) : null}
      <fieldset className="badge-choices">
        <legend className="field-label">Badge</legend>
        {PRAISE_BADGES.map((badge) => (
          <label key={badge} className="badge-choice">
            <input
              type="radio"
              name={badgeName}
              value={badge}
              checked={value.badge === badge}
              onChange={() => onChange({ ...value, badge })}
            />
            <span aria-hidden="true">{BADGE_LABELS[badge].emoji}</span> {BADGE_LABELS[badge].label}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}

interface AnnouncementFieldsProps {
  value: AnnouncementDraft;
  onChange: (value: AnnouncementDraft) => void;
  error: string | undefined;
}

export function AnnouncementFields({ value, onChange, error }: AnnouncementFieldsProps) {
  return (
    <fieldset className="composer-fieldset">
      <legend>Announcement</legend>
      <TextField
        label="Pinned until (optional)"
        type="date"
        value={value.pinnedUntil}
        onChange={(event) => onChange({ ...value, pinnedUntil: event.target.value })}
        hint="Shown at the top of everyone's home feed until the end of that day."
        error={error}
      />
      <Checkbox
        label="Ask readers to acknowledge it"
        checked={value.requiresAck}
        onChange={(event) => onChange({ ...value, requiresAck: event.target.checked })}
      />
    </fieldset>
  );
}
