import type { LiveClient } from './LiveClient.ts';

/** No input for this long makes the person away. */
export const IDLE_AFTER_MS = 5 * 60_000;
const CHECK_EVERY_MS = 30_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove', 'scroll'] as const;

/**
 * Tells the server whether the person is at the keyboard: 'active' on input or when the tab comes
 * back into view, 'idle' after five minutes without input. Also reconnects at once when the
 * browser is back online or the tab visible again. Returns the cleanup.
 */
export function trackActivity(client: LiveClient): () => void {
  let lastInput = Date.now();
  const onInput = () => {
    lastInput = Date.now();
    client.setActivity('active');
  };
  const onVisibility = () => {
    if (document.visibilityState !== 'visible') return;
    onInput();
    client.reconnectNow();
  };
  const onOnline = () => client.reconnectNow();
  const check = window.setInterval(() => {
    if (Date.now() - lastInput >= IDLE_AFTER_MS) client.setActivity('idle');
  }, CHECK_EVERY_MS);
  const options = { capture: true, passive: true } as const;
  for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, options);
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('online', onOnline);
  return () => {
    window.clearInterval(check);
    for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, options);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('online', onOnline);
  };
}
