import {
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { FormatToolbar } from './FormatToolbar.tsx';
import { applyFormat, type FormatAction } from './markdown.ts';
import { type ActiveReference, insertReference, referenceAt } from './references.ts';
import { SuggestionList } from './SuggestionList.tsx';
import { type MentionScope, useSuggestions } from './useSuggestions.ts';

interface MarkdownEditorProps {
  label: string;
  hideLabel?: boolean;
  value: string;
  onChange: (value: string) => void;
  /** Whose audience @mentions are suggested from; null turns mention suggestions off. */
  mentionScope: MentionScope | null;
  error?: string | undefined;
  hint?: ReactNode;
  rows?: number;
  placeholder?: string;
  maxLength?: number;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  /** Files pasted into the text box (screenshots). */
  onPasteFiles?: (files: File[]) => void;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  autoFocus?: boolean;
}

const SHORTCUTS: Record<string, FormatAction> = { b: 'bold', i: 'italic', k: 'link' };

/** A markdown text box with a formatting toolbar and @mention / #topic autocomplete. */
export function MarkdownEditor(props: MarkdownEditorProps) {
  const { label, hideLabel, value, onChange, mentionScope, error, hint, rows = 4 } = props;
  const id = useId();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = props.textareaRef ?? ownRef;
  const pendingSelection = useRef<[number, number] | null>(null);
  const [reference, setReference] = useState<ActiveReference | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const suggestions = useSuggestions(reference, mentionScope);
  const open = reference !== null && dismissedAt !== reference.start && reference.query.length > 0;
  const items = open ? suggestions.items : [];

  // Marked rather than focused here: a surrounding dialog focuses [autofocus] when it opens.
  const autoFocus = props.autoFocus;
  useLayoutEffect(() => {
    const area = ref.current;
    if (!autoFocus || !area) return;
    area.setAttribute('autofocus', '');
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, [autoFocus, ref]);

  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    if (selection && ref.current) {
      ref.current.focus();
      ref.current.setSelectionRange(selection[0], selection[1]);
      pendingSelection.current = null;
    }
  });

  const track = (text: string, caret: number) => {
    const next = referenceAt(text, caret);
    setReference(next);
    if (!next || next.start !== reference?.start) setActive(0);
  };

  const format = (action: FormatAction) => {
    const area = ref.current;
    if (!area) return;
    const edit = applyFormat(value, area.selectionStart, area.selectionEnd, action);
    pendingSelection.current = [edit.selectionStart, edit.selectionEnd];
    onChange(edit.value);
  };

  const choose = (index: number) => {
    const item = items[index];
    if (!item || !reference) return;
    const edit = insertReference(value, reference, item.insert);
    pendingSelection.current = [edit.caret, edit.caret];
    setReference(null);
    onChange(edit.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key === 'Enter' && props.onSubmit) {
      event.preventDefault();
      props.onSubmit();
      return;
    }
    const shortcut = mod && !event.shiftKey && !event.altKey ? SHORTCUTS[event.key.toLowerCase()] : undefined;
    if (shortcut) {
      event.preventDefault();
      format(shortcut);
      return;
    }
    if (items.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + items.length) % items.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (reference) setDismissedAt(reference.start);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(event.clipboardData.files);
    if (files.length > 0 && props.onPasteFiles) {
      event.preventDefault();
      props.onPasteFiles(files);
    }
  };

  const listId = `${id}-suggestions`;
  const activeItem = items[active];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <div className={['field', 'md-editor', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <FormatToolbar controls={id} onFormat={format} />
      <div className="combobox">
        <textarea
          ref={ref}
          id={id}
          className="input textarea md-editor-text"
          rows={rows}
          value={value}
          placeholder={props.placeholder}
          maxLength={props.maxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          aria-autocomplete="list"
          aria-controls={listId}
          aria-activedescendant={activeItem ? `${listId}-${activeItem.key}` : undefined}
          onChange={(event) => {
            onChange(event.target.value);
            track(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => window.setTimeout(() => setReference(null), 150)}
        />
        <SuggestionList
          id={listId}
          open={open}
          sigil={reference?.sigil ?? '@'}
          items={items}
          active={active}
          loading={suggestions.loading}
          error={suggestions.error}
          onChoose={choose}
        />
      </div>
      {hint ? (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
