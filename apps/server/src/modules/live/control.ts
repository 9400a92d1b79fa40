import { LIVE_CLOSE_CODES } from '@atrium/contracts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/db/time.ts';
import type { LiveControl } from '../../platform/realtime/bus.ts';
import { authorizeChannel, parseChannel, personalChannel } from './channels.ts';
import type { LiveConnection } from './connection.ts';
import { currentViewer } from './credentials.ts';
import { allowedRecipients } from './recipients.ts';
import type { LiveRegistry } from './registry.ts';

type Ctx = Pick<AppContext, 'db' | 'presence'>;

const closeUnauthenticated = (connection: LiveConnection) =>
  connection.close(LIVE_CLOSE_CODES.unauthenticated, 'credentials ended');

/** Carries out an instruction from any node on this node's sockets. */
export async function applyControl(ctx: Ctx, registry: LiveRegistry, control: LiveControl): Promise<void> {
  switch (control.type) {
    case 'close':
      for (const connection of registry.ofPerson(control.personId)) {
        const credential = connection.credential;
        if (control.sessionId !== undefined) {
          if (credential?.via === 'session' && credential.sessionId === control.sessionId)
            closeUnauthenticated(connection);
        } else if (control.tokenId !== undefined) {
          if (credential?.via === 'token' && credential.tokenId === control.tokenId)
            closeUnauthenticated(connection);
        } else {
          closeUnauthenticated(connection);
        }
      }
      return;
    case 'recheck':
      for (const connection of registry.ofPerson(control.personId)) {
        const viewer = await currentViewer(ctx.db, connection);
        if (!viewer) {
          closeUnauthenticated(connection);
          continue;
        }
        connection.viewer = viewer;
        await recheckChannels(ctx, registry, connection, () => true);
      }
      return;
    case 'recheck-space': {
      // Posts and records in the space may have changed readers too.
      const reads = (channel: string) =>
        channel === `space:${control.spaceId}` ||
        channel.startsWith('post:') ||
        channel.startsWith('record:');
      for (const connection of [...registry.all]) {
        if ([...connection.channels].some(reads)) await recheckChannels(ctx, registry, connection, reads);
      }
      return;
    }
    case 'presence':
      return pushPresence(ctx, registry, control.personId);
    case 'resync-all': {
      // Unasked-for `resync`: clients refetch what is on screen (chunked, like any broadcast).
      const text = JSON.stringify({ type: 'resync' });
      let index = 0;
      for (const connection of [...registry.all]) {
        if (index > 0 && index % 500 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        index += 1;
        connection.sendText(text);
      }
      return;
    }
  }
}

/** Drops the subscriptions the socket's person may no longer have, telling the client why. */
async function recheckChannels(
  ctx: Ctx,
  registry: LiveRegistry,
  connection: LiveConnection,
  concerns: (channel: string) => boolean,
): Promise<void> {
  for (const name of [...connection.channels]) {
    if (name === personalChannel(connection.personId) || !concerns(name)) continue;
    const channel = parseChannel(name, connection.personId);
    const verdict = channel ? await authorizeChannel(ctx.db, connection.viewer, channel) : 'not_found';
    if (verdict === 'ok') continue;
    if (registry.unlisten(connection, name)) {
      connection.send({ type: 'unsubscribed', channel: name, reason: 'access_lost' });
    }
  }
}

/** Tells the sockets watching a person their presence now, if they may see it. */
async function pushPresence(ctx: Ctx, registry: LiveRegistry, personId: string): Promise<void> {
  const channel = `person:${personId}`;
  const watchers = [...registry.listening([channel]).keys()];
  if (watchers.length === 0) return;
  const allowed = await allowedRecipients(
    ctx.db,
    { kind: 'visible-person', personId },
    watchers.map((c) => c.personId),
  );
  if (allowed.size === 0) return;
  const presence = (await ctx.presence.statesOf([personId])).get(personId) ?? 'offline';
  const text = JSON.stringify({
    type: 'event',
    id: newId(),
    name: 'presence.changed',
    channel,
    data: { personId, presence },
  });
  for (const connection of watchers) {
    if (allowed.has(connection.personId) && connection.channels.has(channel)) connection.sendText(text);
  }
}
