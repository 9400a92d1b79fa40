import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useLiveClient } from './context.ts';
import { ANY_CHANNEL, type LiveEventListener, type LiveStatus } from './events.ts';

/**
 * Subscribes to the channels while the component is mounted and calls `onEvent` for each event
 * labelled with one of them (the latest `onEvent` is used, so it need not be memoized). The server
 * sends an event once per socket, labelled with the first of its channels the socket listens on: to
 * catch everything about a thing whatever else the tab listens to, match on the event's data with
 * useLiveEvents instead.
 */
export function useLiveChannels(channels: readonly string[], onEvent?: LiveEventListener): void {
  const client = useLiveClient();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = [...new Set(channels)].sort().join('\n');
  useEffect(() => {
    if (!client || !key) return;
    const cleanups = key
      .split('\n')
      .flatMap((channel) => [
        client.on(channel, (event) => handler.current?.(event)),
        client.subscribe(channel),
      ]);
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  }, [client, key]);
}

/** One channel: see useLiveChannels. */
export function useLiveChannel(channel: string | null, onEvent?: LiveEventListener): void {
  useLiveChannels(channel ? [channel] : [], onEvent);
}

/** Every event the tab receives, whatever the channel (the personal channel included); subscribes to nothing. */
export function useLiveEvents(onEvent: LiveEventListener): void {
  const client = useLiveClient();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => client?.on(ANY_CHANNEL, (event) => handler.current(event)), [client]);
}

const noSubscription = () => () => {};

/** The connection's state, re-rendering when it changes ('closed' outside the signed-in area). */
export function useLiveStatus(): LiveStatus {
  const client = useLiveClient();
  return useSyncExternalStore(
    client ? (listener) => client.onStatus(listener) : noSubscription,
    () => client?.getStatus() ?? 'closed',
  );
}

/** A string field of an event's data, or null. */
export function dataString(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : null;
}
