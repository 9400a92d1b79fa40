import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useState } from 'react';
import { Avatar, Button } from '../../components/ui/index.ts';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/hooks.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { Page, PersonSummary } from '../../lib/types.ts';

interface ManagerPickerProps {
  value: PersonSummary | null;
  onChange: (person: PersonSummary | null) => void;
  /** The person being edited: they cannot be their own manager. */
  excludeId: string;
  error?: string | undefined;
}

/** A combobox over the directory search: type a name, pick with the arrow keys and Enter. */
export function ManagerPicker({ value, onChange, excludeId, error }: ManagerPickerProps) {
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

  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        Manager
      </label>
      {value ? (
        <div className="manager-current">
          <Avatar name={value.name} src={value.avatarUrl} size="sm" />
          <span>
            {value.name} <span className="muted">@{value.handle}</span>
          </span>
          <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
            Remove manager
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
          placeholder={value ? 'Search to change manager' : 'Search by name'}
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
        <div id={listId} role="listbox" className="combobox-list" hidden={!expanded}>
          {search.isFetching && options.length === 0 ? (
            <div className="combobox-empty">Searching…</div>
          ) : null}
          {!search.isFetching && options.length === 0 ? (
            <div className="combobox-empty">No matches</div>
          ) : null}
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
      <div id={`${id}-hint`} className="field-hint">
        Type a name and choose from the list.
      </div>
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
