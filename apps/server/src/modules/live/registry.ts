import type { LiveConnection } from './connection.ts';

/** This node's open sockets, indexed by person and by channel. */
export class LiveRegistry {
  readonly all = new Set<LiveConnection>();
  private readonly byPerson = new Map<string, Set<LiveConnection>>();
  private readonly byChannel = new Map<string, Set<LiveConnection>>();

  add(connection: LiveConnection): void {
    this.all.add(connection);
    addTo(this.byPerson, connection.personId, connection);
  }

  remove(connection: LiveConnection): void {
    this.all.delete(connection);
    removeFrom(this.byPerson, connection.personId, connection);
    for (const channel of connection.channels) removeFrom(this.byChannel, channel, connection);
    connection.channels.clear();
  }

  listen(connection: LiveConnection, channel: string): void {
    if (!this.all.has(connection)) return;
    connection.channels.add(channel);
    addTo(this.byChannel, channel, connection);
  }

  unlisten(connection: LiveConnection, channel: string): boolean {
    const had = connection.channels.delete(channel);
    removeFrom(this.byChannel, channel, connection);
    return had;
  }

  ofPerson(personId: string): LiveConnection[] {
    return [...(this.byPerson.get(personId) ?? [])];
  }

  countOf(personId: string): number {
    return this.byPerson.get(personId)?.size ?? 0;
  }

  /** Each socket listening on any of the channels, with the first channel it matched (one frame each). */
  listening(channels: readonly string[]): Map<LiveConnection, string> {
    const found = new Map<LiveConnection, string>();
    for (const channel of channels) {
      for (const connection of this.byChannel.get(channel) ?? []) {
        if (!found.has(connection)) found.set(connection, channel);
      }
    }
    return found;
  }

  /** Every socket with at least one channel of the given kind (`post`, `space`…). */
  withChannelKind(kind: string): LiveConnection[] {
    const prefix = `${kind}:`;
    return [...this.all].filter((c) => [...c.channels].some((channel) => channel.startsWith(prefix)));
  }
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  let set = index.get(key);
  if (!set) {
    set = new Set();
    index.set(key, set);
  }
  set.add(value);
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}
