import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

interface PopoverProps {
  /** What the toggle button shows. */
  trigger: ReactNode;
  /** Accessible name of the toggle button when its content is only an icon. */
  label?: string;
  /** Names the popup region. */
  title: string;
  className?: string;
  buttonClassName?: string;
  children: (close: () => void) => ReactNode;
}

/**
 * A non-modal disclosure popup: the button toggles it, focus moves into it, Escape or a click outside
 * closes it, and focus returns to the button when it was inside.
 */
export function Popover({ trigger, label, title, className, buttonClassName, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>('button, a[href], input, select')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    const inside = panelRef.current?.contains(document.activeElement) ?? false;
    setOpen(false);
    if (inside) buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape handling for the popup it wraps
    <div
      className={['popover', className ?? ''].filter(Boolean).join(' ')}
      ref={rootRef}
      onKeyDown={onKeyDown}
    >
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName ?? 'chip-button'}
        aria-expanded={open}
        aria-controls={id}
        aria-label={label}
        onClick={() => setOpen((value) => !value)}
      >
        {trigger}
      </button>
      <div id={id} ref={panelRef} className="popover-panel" hidden={!open}>
        <p className="visually-hidden">{title}</p>
        {open ? children(close) : null}
      </div>
    </div>
  );
}
