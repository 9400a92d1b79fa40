import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Avatar } from '../components/ui/index.ts';
import { useMe, useSignOut } from '../features/auth/session.ts';
import { useMyStatus } from '../features/presence/api.ts';
import { StatusDialog } from '../features/presence/StatusDialog.tsx';
import { StatusNote } from '../features/presence/StatusNote.tsx';

/**
 * A disclosure menu: the button toggles my status, a list of links and a Sign out button.
 * Arrow keys move between the items, Escape closes and returns focus to the button.
 */
export function AccountMenu() {
  const me = useMe();
  const signOut = useSignOut();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [statusOpen, setStatusOpen] = useState(false);
  const status = useMyStatus();
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: close whenever the route changes
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const items = () => Array.from(rootRef.current?.querySelectorAll<HTMLElement>('.menu-item') ?? []);

  const focusItem = (index: number) => {
    const list = items();
    if (list.length === 0) return;
    list[(index + list.length) % list.length]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
      return;
    }
    if (!open && event.key === 'ArrowDown' && event.target === buttonRef.current) {
      event.preventDefault();
      setOpen(true);
      requestAnimationFrame(() => focusItem(0));
      return;
    }
    if (!open) return;
    const current = items().indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusItem(current + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusItem(current <= 0 ? -1 : current - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusItem(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusItem(-1);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard handling for the menu it wraps
    <div className="account-menu" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label="Account"
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar name={me.person.name} src={me.person.avatarUrl} size="sm" />
        <span className="account-name" aria-hidden="true">
          {me.person.name}
        </span>
        <span aria-hidden="true" className="account-caret">
          ▾
        </span>
      </button>
      <div id={menuId} className="account-dropdown" hidden={!open}>
        <p className="account-summary">
          <strong>{me.person.name}</strong>
          <span className="muted">{me.person.email}</span>
        </p>
        <StatusNote status={status.data} className="account-status" />
        <ul>
          <li>
            <button
              type="button"
              className="menu-item"
              onClick={() => {
                setOpen(false);
                setStatusOpen(true);
              }}
            >
              {status.data && status.data.availability !== 'available' ? 'Change status' : 'Set a status'}
            </button>
          </li>
          <li>
            <Link className="menu-item" to={`/people/${me.person.handle}`}>
              My profile
            </Link>
          </li>
          <li>
            <Link className="menu-item" to="/bookmarks">
              Bookmarks
            </Link>
          </li>
          <li>
            <Link className="menu-item" to="/settings">
              Settings
            </Link>
          </li>
          <li>
            <button type="button" className="menu-item" onClick={() => void signOut()}>
              Sign out
            </button>
          </li>
        </ul>
      </div>
      <StatusDialog
        open={statusOpen}
        current={status.data}
        onClose={() => {
          setStatusOpen(false);
          // The item that opened the dialog is hidden with the menu: focus goes back to the menu button.
          requestAnimationFrame(() => buttonRef.current?.focus());
        }}
      />
    </div>
  );
}
