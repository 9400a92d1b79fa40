// Baseline for the real-time goals: a bare `ws` server speaking just enough of the live protocol for the
// same client fleet (hello, subscribe → subscribed), which broadcasts one pre-serialized JSON frame of
// a given size to every subscribed socket. No authentication, no access checks, no database: the floor.
// Driven over IPC: listen, broadcast (one frame), burst (frames back to back).
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { clockMs } from '../realtime/clock.ts';

const subscribers = new Set<WebSocket>();
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 16 * 1024 });
let channel = '';

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'hello', personId: 'raw', heartbeatMs: 25_000, channels: [] }));
  ws.on('message', (data) => {
    let frame: { type?: string; channel?: string; ref?: string };
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (frame.type === 'subscribe' && typeof frame.channel === 'string') {
      channel = frame.channel;
      subscribers.add(ws);
      ws.send(JSON.stringify({ type: 'subscribed', channel: frame.channel, ref: frame.ref }));
    }
  });
  ws.on('close', () => subscribers.delete(ws));
});

/** A post.created event frame for `key`, padded to exactly `bytes` when it is shorter. */
function rawFrame(key: string, channelName: string, bytes: number): string {
  const frame = (pad: string) =>
    JSON.stringify({
      type: 'event',
      id: key,
      name: 'post.created',
      channel: channelName,
      data: { postId: key, pad },
    });
  const bare = frame('');
  return bare.length >= bytes ? bare : frame('x'.repeat(bytes - bare.length));
}

function broadcast(key: string, bytes: number): void {
  const frame = rawFrame(key, channel, bytes);
  for (const ws of subscribers) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
}

process.on('message', (raw) => {
  const message = raw as { type: string; key?: string; keys?: string[]; bytes?: number };
  const bytes = message.bytes ?? 0;
  if (message.type === 'listen') {
    const reply = () => process.send?.({ type: 'listening', port: (wss.address() as AddressInfo).port });
    if (wss.address()) reply();
    else wss.once('listening', reply);
  } else if (message.type === 'broadcast') {
    const startedAt = clockMs();
    broadcast(message.key ?? '', bytes);
    process.send?.({ type: 'broadcasted', startedAt, subscribers: subscribers.size });
  } else if (message.type === 'burst') {
    // One broadcast per turn of the event loop, as a server handling one event at a time would.
    const startedAt = clockMs();
    const keys = message.keys ?? [];
    const next = (i: number) => {
      if (i >= keys.length) {
        process.send?.({ type: 'burst-done', startedAt, endedAt: clockMs() });
        return;
      }
      broadcast(keys[i] ?? '', bytes);
      setImmediate(next, i + 1);
    };
    next(0);
  }
});
// The bench went away (crashed, interrupted): do not outlive it.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate();
  wss.close(() => process.exit(0));
});
