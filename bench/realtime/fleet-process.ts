// The client fleet of the real-time goals, in its own process so the server under test never shares an
// event loop (or a core's worth of work) with its clients. It opens N sockets, subscribes each to one
// channel as the live protocol says, and stamps every event frame on arrival with the shared clock.
// Driven over IPC by fleet.ts: connect, collect, disconnect.
import WebSocket from 'ws';
import { clockMs } from './clock.ts';

export interface FleetSocket {
  /** Cookie header (the session), if any. */
  cookie?: string;
  /** X-Forwarded-For: one client address per socket, as many people behind a proxy. */
  ip: string;
}

export interface ConnectRequest {
  type: 'connect';
  url: string;
  origin: string;
  channel: string;
  sockets: FleetSocket[];
  /** Upgrades in flight at once. */
  concurrency: number;
}

export interface ConnectResult {
  open: number;
  failed: number;
  /** Why sockets failed: "HTTP 404", "close 1008", "error ECONNRESET", … with counts. */
  failures: Record<string, number>;
  ms: number;
}

const sockets: WebSocket[] = [];
/** Arrival times per event key (the post id in the frame's data), and frame sizes. */
let arrivals = new Map<string, number[]>();
let frameBytes = 0;
let subscribed = 0;
const send = (message: Record<string, unknown>) => process.send?.(message);

function onFrame(data: WebSocket.RawData): void {
  const at = clockMs();
  const text = data.toString();
  let frame: { type?: string; name?: string; data?: { postId?: unknown } };
  try {
    frame = JSON.parse(text);
  } catch {
    return;
  }
  if (frame.type !== 'event' || frame.name !== 'post.created') return;
  const key = String(frame.data?.postId);
  let list = arrivals.get(key);
  if (!list) {
    list = [];
    arrivals.set(key, list);
  }
  list.push(at);
  frameBytes = Buffer.byteLength(text);
  // Every subscribed socket has it: tell the bench now rather than making it poll.
  if (list.length === subscribed) send({ type: 'complete', key, at });
}

function open(request: ConnectRequest, socket: FleetSocket): Promise<string | undefined> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'x-forwarded-for': socket.ip };
    if (socket.cookie) headers.cookie = socket.cookie;
    const ws = new WebSocket(request.url, { headers, origin: request.origin, handshakeTimeout: 30_000 });
    let settled = false;
    const settle = (failure: string | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (failure) ws.terminate();
      else {
        sockets.push(ws);
        ws.removeAllListeners('message');
        ws.on('message', onFrame);
      }
      resolve(failure);
    };
    const timer = setTimeout(() => settle('no answer to subscribe within 30 s'), 30_000);
    ws.on('unexpected-response', (_request, response) => settle(`HTTP ${response.statusCode}`));
    ws.on('error', (error: NodeJS.ErrnoException) => settle(`error ${error.code ?? error.message}`));
    ws.on('close', (code) => settle(`close ${code}`));
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'subscribe', channel: request.channel, ref: 'bench' })),
    );
    ws.on('message', (data) => {
      let frame: { type?: string; channel?: string; code?: string };
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (frame.type === 'subscribed' && frame.channel === request.channel) settle(undefined);
      else if (frame.type === 'error') settle(`refused ${frame.code ?? ''}`.trim());
    });
  });
}

async function connect(request: ConnectRequest): Promise<ConnectResult> {
  const started = clockMs();
  const failures: Record<string, number> = {};
  let next = 0;
  const lane = async () => {
    while (next < request.sockets.length) {
      const socket = request.sockets[next++] as FleetSocket;
      const failure = await open(request, socket);
      if (failure) failures[failure] = (failures[failure] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, request.concurrency) }, lane));
  subscribed = sockets.length;
  return {
    open: sockets.length,
    failed: request.sockets.length - sockets.length,
    failures,
    ms: clockMs() - started,
  };
}

async function disconnect(): Promise<void> {
  const closing = sockets.splice(0).map(
    (ws) =>
      new Promise<void>((done) => {
        if (ws.readyState === WebSocket.CLOSED) return done();
        ws.once('close', () => done());
        ws.terminate();
      }),
  );
  await Promise.all(closing);
  subscribed = 0;
}

process.on('message', (raw) => {
  const message = raw as { type: string };
  const fail = (reply: string) => (error: unknown) =>
    send({ type: reply, error: error instanceof Error ? error.message : String(error) });
  if (message.type === 'connect') {
    connect(message as ConnectRequest).then(
      (result) => send({ type: 'connected', ...result }),
      fail('connected'),
    );
  } else if (message.type === 'collect') {
    // Hands the arrivals over (as typed arrays: cheap to pass) and starts afresh.
    const deliveries = [...arrivals].map(([key, times]) => [key, Float64Array.from(times)] as const);
    arrivals = new Map();
    send({ type: 'collected', deliveries, frameBytes });
  } else if (message.type === 'disconnect') {
    disconnect().then(() => send({ type: 'disconnected' }), fail('disconnected'));
  }
});
// The bench went away (crashed, interrupted): do not outlive it.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => {
  disconnect().finally(() => process.exit(0));
});
