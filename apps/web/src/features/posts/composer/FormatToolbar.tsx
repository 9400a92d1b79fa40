import { type KeyboardEvent, useRef, useState } from 'react';
import { LinkIcon } from '../icons.tsx';
import { FORMAT_BUTTONS, type FormatAction } from './markdown.ts';

const SHORTCUT_HINTS: Partial<Record<FormatAction, string>> = {
  bold: 'Ctrl+B',
  italic: 'Ctrl+I',
  link: 'Ctrl+K',
};

/**
 * The formatting buttons (ARIA toolbar: one tab stop, arrow keys move between buttons). Pressing a
 * button keeps the text box's selection: mousedown is cancelled so focus never leaves it.
 */
export function FormatToolbar({
  controls,
  onFormat,
}: {
  controls: string;
  onFormat: (action: FormatAction) => void;
}) {
  const [current, setCurrent] = useState(0);
  const ref = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const count = FORMAT_BUTTONS.length;
    const moves: Record<string, number> = {
      ArrowRight: (current + 1) % count,
      ArrowLeft: (current - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setCurrent(next);
    ref.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Formatting"
      aria-controls={controls}
      className="format-toolbar"
      onKeyDown={onKeyDown}
    >
      {FORMAT_BUTTONS.map((button, index) => {
        const shortcut = SHORTCUT_HINTS[button.action];
        return (
          <button
            key={button.action}
            type="button"
            className={`format-button format-${button.action}`}
            tabIndex={index === current ? 0 : -1}
            aria-label={button.label}
            title={shortcut ? `${button.label} (${shortcut})` : button.label}
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setCurrent(index)}
            onClick={() => onFormat(button.action)}
          >
            {button.symbol === 'link' ? <LinkIcon /> : <span aria-hidden="true">{button.symbol}</span>}
          </button>
        );
      })}
    </div>
  );
}
