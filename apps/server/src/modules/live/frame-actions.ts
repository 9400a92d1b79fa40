import { LIVE_LIMITS, type LiveClientFrame } from '@atrium/contracts';
import type { AppContext } from '../../platform/context.ts';
import { authorizeChannel, parseChannel, personalChannel } from './channels.ts';
import type { LiveConnection } from './connection.ts';
import { errorFrame } from './frames.ts';
import type { LiveRegistry } from './registry.ts';
import { replayFor } from './resume.ts';

type Ctx = Pick<AppContext, 'db' | 'presence'>;

const REFUSALS = {
  not_found: 'No such channel.',
  forbidden: 'You may not listen on this channel.',
} as const;

/** Answers one valid client frame on its socket. */
export async function handleFrame(
  ctx: Ctx,
  registry: LiveRegistry,
  connection: LiveConnection,
  frame: LiveClientFrame,
): Promise<void> {
  switch (frame.type) {
    case 'ping':
      connection.send({ type: 'pong', ...(frame.ref ? { ref: frame.ref } : {}) });
      return;
    case 'activity':
      // Handled after slower frames: a socket closed meanwhile must not come back as present.
      if (!connection.open || !registry.all.has(connection)) return;
      if (frame.state === 'active') ctx.presence.socketActive(connection.personId, connection.id);
      else ctx.presence.socketIdle(connection.personId, connection.id);
      return;
    case 'subscribe':
      return subscribe(ctx, registry, connection, frame.channel, frame.ref);
    case 'unsubscribe': {
      const channel = parseChannel(frame.channel, connection.personId);
      // The personal channel is always on: "unsubscribing" from it changes nothing.
      if (channel && channel.name !== personalChannel(connection.personId))
        registry.unlisten(connection, channel.name);
      connection.send({
        type: 'unsubscribed',
        channel: channel?.name ?? frame.channel,
        ...(frame.ref ? { ref: frame.ref } : {}),
      });
      return;
    }
    case 'resume': {
      const ref = frame.ref ? { ref: frame.ref } : {};
      // A replay scans the outbox: once per connection (a reconnect is a new connection).
      if (connection.resumed) {
        connection.send(errorFrame('already_resumed', 'This connection has already resumed.', frame.ref));
        return;
      }
      connection.resumed = true;
      const result = await replayFor(ctx.db, connection, frame.after);
      if (result.kind === 'resync') {
        connection.send({ type: 'resync', ...ref });
        return;
      }
      for (const event of result.frames) connection.send(event);
      connection.send({ type: 'resumed', replayed: result.frames.length, ...ref });
      return;
    }
  }
}

async function subscribe(
  ctx: Ctx,
  registry: LiveRegistry,
  connection: LiveConnection,
  raw: string,
  ref: string | undefined,
): Promise<void> {
  const channel = parseChannel(raw, connection.personId);
  if (!channel) {
    connection.send(errorFrame('bad_channel', 'Unknown channel name.', ref));
    return;
  }
  const subscribed = () =>
    connection.send({ type: 'subscribed', channel: channel.name, ...(ref ? { ref } : {}) });
  if (connection.channels.has(channel.name)) {
    subscribed();
    return;
  }
  // The personal channel is not counted.
  if (connection.channels.size - 1 >= LIVE_LIMITS.maxSubscriptions) {
    connection.send(
      errorFrame(
        'too_many_subscriptions',
        `At most ${LIVE_LIMITS.maxSubscriptions} channels per socket.`,
        ref,
      ),
    );
    return;
  }
  const verdict = await authorizeChannel(ctx.db, connection.viewer, channel);
  if (verdict !== 'ok') {
    connection.send(errorFrame(verdict, REFUSALS[verdict], ref));
    return;
  }
  registry.listen(connection, channel.name);
  subscribed();
}
