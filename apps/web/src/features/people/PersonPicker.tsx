import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { Avatar, Button } from '../../components/ui/index.ts';
import { api, errorMessage } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/hooks.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { Page, PersonSummary } from '../../lib/types.ts';
import './person-picker.css';

export interface PersonPickerProps {
  label: string;
  value: PersonSummary | null;
  onChange: (person: PersonSummary | null) => void;
  /** Someone who must not be offered (e.g. the person being edited). */
  excludeId?: string;
  /** Accessible name of the button that clears the choice, e.g. "Remove manager". */
  removeLabel: string;
  /** What the remove button shows; defaults to removeLabel. */
  removeContent?: ReactNode;
  placeholder?: string;
  changePlaceholder?: string;
  hint?: string;
  error?: string | undefined;
  className?: string;
}

/** A combobox over the directory search (GET /api/v1/people?q=): type a name, pick with the arrow keys and Enter. */
export function PersonPicker({
  label,
  value,
  onChange,
  excludeId,
  removeLabel,
  removeContent,
  placeholder = 'Search by name',
  changePlaceholder = 'Search to change',
  hint = 'Type a name and choose from the list.',
  error,
  className,
}: PersonPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 250);
  const search = useQuery({
    queryKey: queryKeys.people.search(q),
    queryFn: ({ signal }) => api.get<Page<PersonSummary>>('/api/v1/people', { q, limit: 8 }, signal),
    enabled: open && q.length > 0,
    retry: false,
  });
  const options = (search.data?.items ?? []).filter((person) => person.id !== excludeId);

  const choose = (person: PersonSummary) => {
    onChange(person);
    setText('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const expanded = open && q.length > 0;
  const activeOption = expanded ? options[active] : undefined;
  // A failed search is not "no matches": say what went wrong (too many requests, server error…).
  const failed = search.isError && !search.isFetching;
  const status = search.isFetching
    ? options.length === 0
      ? 'Searching…'
      : null
    : failed
      ? null
      : options.length === 0
        ? 'No matches'
        : null;

  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {value ? (
        <div className="picker-current">
          <Avatar name={value.name} src={value.avatarUrl} size="sm" />
          <span>
            {value.name} <span className="muted">@{value.handle}</span>
          </span>
          <Button
            size="sm"
            variant="ghost"
            className={removeContent ? 'picker-remove' : undefined}
            onClick={() => onChange(null)}
            aria-label={removeContent ? removeLabel : undefined}
          >
            {removeContent ?? removeLabel}
          </Button>
        </div>
      ) : null}
      <div className="combobox">
        <input
          id={id}
          className="input"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${id}-opt-${activeOption.id}` : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          placeholder={value ? changePlaceholder : placeholder}
          autoComplete="off"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        />
        <div className="combobox-popup" hidden={!expanded}>
          {failed ? (
            <div className="combobox-status" role="alert">
              Search failed: {errorMessage(search.error)}{' '}
              <Button
                size="sm"
                variant="ghost"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => void search.refetch()}
              >
                Try again
              </Button>
            </div>
          ) : null}
          <div className="combobox-status" role="status">
            {status}
          </div>
          <div id={listId} role="listbox" aria-label="Suggestions" className="combobox-options">
            {options.map((person, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection is handled on the combobox input
              <div
                key={person.id}
                tabIndex={-1}
                id={`${id}-opt-${person.id}`}
                role="option"
                aria-selected={index === active}
                className="combobox-option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(person)}
              >
                <Avatar name={person.name} src={person.avatarUrl} size="sm" />
                <span>
                  {person.name} <span className="muted">@{person.handle}</span>
                </span>
              </div>
            ))}
          </div>
        </div>
      </div>
      <div id={`${id}-hint`} className="field-hint">
        {hint}
      </div>
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
