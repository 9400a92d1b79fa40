import { Avatar } from '../../../components/ui/index.ts';
import { errorMessage } from '../../../lib/api.ts';
import { AVAILABILITY_LABELS, PRESENCE_LABELS } from '../../presence/labels.ts';
import { WithPresence } from '../../presence/PresenceBadge.tsx';
import type { Suggestion } from './useSuggestions.ts';

interface SuggestionListProps {
  id: string;
  open: boolean;
  sigil: '@' | '#';
  items: Suggestion[];
  active: number;
  loading: boolean;
  error: unknown;
  onChoose: (index: number) => void;
}

/** The popup under the text box; the text box keeps focus and points at the active option. */
export function SuggestionList({
  id,
  open,
  sigil,
  items,
  active,
  loading,
  error,
  onChoose,
}: SuggestionListProps) {
  const what = sigil === '@' ? 'people' : 'topics';
  const status = !open
    ? ''
    : error
      ? `Suggestions failed: ${errorMessage(error)}`
      : items.length > 0
        ? `${items.length} ${what} suggested. Up and down to move, Enter to choose, Escape to close.`
        : loading
          ? 'Searching…'
          : sigil === '@'
            ? 'No one who can see this matches.'
            : 'No matching topics yet: a new topic is created when you post.';
  return (
    <>
      <div className="visually-hidden" role="status">
        {status}
      </div>
      <div
        className="combobox-popup"
        hidden={!open || (items.length === 0 && !loading && !error && sigil === '#')}
      >
        {items.length === 0 ? <div className="combobox-status">{status}</div> : null}
        <div
          id={id}
          role="listbox"
          aria-label={sigil === '@' ? 'People to mention' : 'Topics'}
          className="combobox-options"
        >
          {items.map((item, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection is handled on the text box
            <div
              key={item.key}
              id={`${id}-${item.key}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className="combobox-option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onChoose(index)}
            >
              {item.person ? (
                <WithPresence presence={item.person.presence} announce={false}>
                  <Avatar name={item.person.name} src={item.person.avatarUrl} size="sm" />
                </WithPresence>
              ) : null}
              <span>
                {item.primary} {item.secondary ? <span className="muted">{item.secondary}</span> : null}
                {item.person?.presence ? (
                  <span className="visually-hidden">, {PRESENCE_LABELS[item.person.presence]}</span>
                ) : null}
                {item.person?.currentStatus && item.person.currentStatus.availability !== 'available' ? (
                  <span className="muted">
                    {' '}
                    · {AVAILABILITY_LABELS[item.person.currentStatus.availability]}
                  </span>
                ) : null}
              </span>
            </div>
          ))}
        </div>
      </div>
    </>
  );
}
