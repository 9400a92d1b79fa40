import type { LiveClientFrame, LiveServerFrame } from '@atrium/contracts';

/** Longest accepted `ref`, channel name and resume cursor: anything longer is not a frame we sent for. */
const MAX_REF = 64;
const MAX_CHANNEL = 100;
const MAX_AFTER = 64;

export type ParsedFrame = { ok: true; frame: LiveClientFrame } | { ok: false; ref?: string; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shortString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

/**
 * A client's text frame, checked field by field: anything else (not JSON, not an object, an unknown
 * type, a missing or oversized field) is refused with a message, and the `ref` echoed when it is usable.
 */
export function parseClientFrame(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Frames are JSON objects.' };
  }
  if (!isRecord(value)) return { ok: false, message: 'Frames are JSON objects.' };
  if (value.ref !== undefined && !shortString(value.ref, MAX_REF)) {
    return { ok: false, message: `ref must be a string of 1 to ${MAX_REF} characters.` };
  }
  const ref = value.ref as string | undefined;
  const refused = (message: string): ParsedFrame => ({ ok: false, message, ...(ref ? { ref } : {}) });
  const withRef = <T extends object>(frame: T): T & { ref?: string } => (ref ? { ...frame, ref } : frame);
  switch (value.type) {
    case 'subscribe':
    case 'unsubscribe':
      if (!shortString(value.channel, MAX_CHANNEL)) return refused('channel must be a channel name.');
      return { ok: true, frame: withRef({ type: value.type, channel: value.channel }) };
    case 'resume':
      if (!shortString(value.after, MAX_AFTER))
        return refused('after must be the id of the last event seen.');
      return { ok: true, frame: withRef({ type: 'resume', after: value.after }) };
    case 'activity':
      if (value.state !== 'active' && value.state !== 'idle') return refused('state must be active or idle.');
      return { ok: true, frame: { type: 'activity', state: value.state } };
    case 'ping':
      return { ok: true, frame: withRef({ type: 'ping' }) };
    default:
      return refused('Unknown frame type.');
  }
}

/** The `error` frame, with the client's ref when there is one. */
export function errorFrame(code: string, message: string, ref?: string): LiveServerFrame {
  return { type: 'error', code, message, ...(ref ? { ref } : {}) };
}
